import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import type { DownloadSource } from '../operations/downloads';
import { downloadTo } from '../operations/downloads';
import { messages } from '../ui/messages';
import { pickLocalFolder } from '../ui/prompts';
import type { Services } from './services';

/** Downloads the selected objects and folders (from the tree, or its selection from the palette). */
export async function download(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const sources: DownloadSource[] = selectedNodes(node, selection, services.view.selection).flatMap((selected): DownloadSource[] => {
    if (isObjectNode(selected)) {
      return [{ kind: 'object', account: selected.account, bucket: selected.bucket, key: selected.key, size: selected.object.size }];
    }
    if (isListingNode(selected)) {
      return [{ kind: 'folder', account: selected.account, bucket: selected.bucket, prefix: selected.prefix }];
    }
    return [];
  });
  if (sources.length === 0) {
    void services.ui.showMessage('info', messages.selectInView);
    return;
  }
  const folder = await pickLocalFolder(services.ui, 'Download from R2');
  await downloadTo(services, folder.fsPath, sources);
}
