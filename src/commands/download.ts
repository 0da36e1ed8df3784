import * as vscode from 'vscode';
import { ListingNode } from '../tree/listingNode';
import { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import type { DownloadSource } from '../operations/downloads';
import { downloadTo } from '../operations/downloads';
import { messages } from '../ui/messages';
import { pickLocalFolder } from '../ui/prompts';
import type { Services } from './services';

/** Downloads the selected objects and folders (from the tree, or its selection from the palette). */
export async function download(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const sources: DownloadSource[] = selectedNodes(node, selection, services.view.selection).flatMap((selected): DownloadSource[] => {
    if (selected instanceof ObjectNode) {
      return [{ kind: 'object', account: selected.account, bucket: selected.bucket, key: selected.key, size: selected.object.size }];
    }
    if (selected instanceof ListingNode) {
      return [{ kind: 'folder', account: selected.account, bucket: selected.bucket, prefix: selected.prefix }];
    }
    return [];
  });
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(messages.selectInView);
    return;
  }
  const folder = await pickLocalFolder('Download from R2');
  await downloadTo(services, folder.fsPath, sources);
}
