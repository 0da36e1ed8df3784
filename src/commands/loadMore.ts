import { ListingNode } from '../tree/listingNode';
import type { Services } from './services';

/** The "Load more…" node: appends the next page to the same level. */
export async function loadMore({ explorer }: Services, node?: unknown): Promise<void> {
  if (node instanceof ListingNode) {
    await node.loadMore();
    explorer.redraw(node);
  }
}
