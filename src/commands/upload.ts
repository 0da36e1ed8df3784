import { basename } from 'node:path';
import { uploadPaths } from '../operations/uploads';
import { isListingNode } from '../tree/nodeKinds';
import { pickDestination } from '../ui/pickers';
import { pickLocalPaths } from '../ui/prompts';
import { isUri, isUriList } from './commandArgs';
import type { Services } from './services';


/**
 * "Upload to R2" from everywhere it appears: Explorer right-click (the clicked Uri and the
 * selection), a bucket or folder node (files picked in a dialog, or dropped on it), or the palette.
 */
export async function upload(services: Services, target?: unknown, selection?: unknown): Promise<void> {
  if (isListingNode(target)) {
    const uris = isUriList(selection) ? selection : await pickLocalPaths(services.ui, `Upload to ${target.bucket}/${target.prefix}`);
    await uploadPaths(services, { account: target.account, bucket: target.bucket, prefix: target.prefix }, uris.map((uri) => uri.fsPath));
    return;
  }
  const uris = isUriList(selection) ? selection : isUri(target) ? [target] : await pickLocalPaths(services.ui, 'Upload to R2');
  const preview = `${basename(uris[0].fsPath)}${uris.length > 1 ? ` and ${uris.length - 1} more` : ''}`;
  const destination = await pickDestination(services, 'Upload to R2', preview);
  await uploadPaths(services, destination, uris.map((uri) => uri.fsPath));
}
