import { isBucketNode, isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { copyAndConfirm } from '../ui/confirm';
import type { ClipboardMode } from '../tree/treeClipboard';
import { refusesWrite } from './readOnly';
import type { Services } from './services';

/** Copies the key of an object (the prefix of a folder, the name of a bucket), verbatim; of several selected, one per line. */
export async function copyKey(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  await takeKeys(services, 'copy', node, selection);
}

/** Cut (Ctrl+X): the keys to the clipboard, and the rows to move on Paste. */
export async function cut(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  if (refusesWrite(services.ui, selectedNodes(node, selection, services.view.selection))) {
    return;
  }
  await takeKeys(services, 'cut', node, selection);
}

/** Writes the selected rows' keys to the clipboard and remembers the rows for Paste. */
async function takeKeys(services: Services, mode: ClipboardMode, node: unknown, selection: unknown): Promise<void> {
  const nodes = selectedNodes(node, selection, services.view.selection);
  const keys = nodes.flatMap((each) =>
    isObjectNode(each) ? [each.key] : isBucketNode(each) ? [each.bucket] : isListingNode(each) ? [each.prefix] : [],
  );
  if (keys.length > 0) {
    const text = keys.join('\n');
    await copyAndConfirm(services.ui, text);
    services.treeClipboard.set(mode, nodes, text);
  }
}
