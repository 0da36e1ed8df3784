import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { messages } from '../ui/messages';
import type { Services } from './services';

/** Copies the key of an object (or the prefix of a folder), verbatim; of several selected, one per line. */
export async function copyKey({ ui, view }: Services, node?: unknown, selection?: unknown): Promise<void> {
  const keys = selectedNodes(node, selection, view.selection).flatMap((each) => (isObjectNode(each) ? [each.key] : isListingNode(each) ? [each.prefix] : []));
  if (keys.length > 0) {
    const key = keys.join('\n');
    await ui.writeClipboard(key);
    ui.setStatusBarMessage(messages.urlCopied(key), 3000);
  }
}
