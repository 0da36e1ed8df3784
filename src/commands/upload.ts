import { basename } from 'node:path';
import * as vscode from 'vscode';
import { ListingNode } from '../tree/listingNode';
import { uploadPaths } from '../operations/uploads';
import { pickDestination } from '../ui/pickers';
import { pickLocalPaths } from '../ui/prompts';
import type { Services } from './services';

function isUriList(value: unknown): value is vscode.Uri[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => item instanceof vscode.Uri);
}

/**
 * "Upload to R2" from everywhere it appears: Explorer right-click (the clicked Uri and the
 * selection), a bucket or folder node (files picked in a dialog, or dropped on it), or the palette.
 */
export async function upload(services: Services, target?: unknown, selection?: unknown): Promise<void> {
  if (target instanceof ListingNode) {
    const uris = isUriList(selection) ? selection : await pickLocalPaths(`Upload to ${target.bucket}/${target.prefix}`);
    await uploadPaths(services, { account: target.account, bucket: target.bucket, prefix: target.prefix }, uris.map((uri) => uri.fsPath));
    return;
  }
  const uris = isUriList(selection) ? selection : target instanceof vscode.Uri ? [target] : await pickLocalPaths('Upload to R2');
  const preview = `${basename(uris[0].fsPath)}${uris.length > 1 ? ` and ${uris.length - 1} more` : ''}`;
  const destination = await pickDestination(services, 'Upload to R2', preview);
  await uploadPaths(services, destination, uris.map((uri) => uri.fsPath));
}
