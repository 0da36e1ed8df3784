import { isBucketNode, isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { copyAndConfirm } from '../ui/confirm';
import type { Services } from './services';

/** Copies the key of an object (the prefix of a folder, the name of a bucket), verbatim; of several selected, one per line. */
export async function copyKey({ ui, view }: Services, node?: unknown, selection?: unknown): Promise<void> {
  const keys = selectedNodes(node, selection, view.selection).flatMap((each) =>
    isObjectNode(each) ? [each.key] : isBucketNode(each) ? [each.bucket] : isListingNode(each) ? [each.prefix] : [],
  );
  if (keys.length > 0) {
    await copyAndConfirm(ui, keys.join('\n'));
  }
}
