import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import type { Services } from './services';

/** Copies the key of an object (or the prefix of a folder), verbatim. */
export async function copyKey({ ui }: Services, node?: unknown): Promise<void> {
  const key = isObjectNode(node) ? node.key : isListingNode(node) ? node.prefix : undefined;
  if (key !== undefined) {
    await ui.writeClipboard(key);
    ui.setStatusBarMessage(messages.urlCopied(key), 3000);
  }
}
