import { isListingNode } from '../tree/nodeKinds';
import type { Services } from './services';

/** The "Load more…" node: appends the next page to the same level. */
export async function loadMore({ explorer }: Services, node?: unknown): Promise<void> {
  if (isListingNode(node)) {
    await node.loadMore();
    explorer.redraw(node);
  }
}
