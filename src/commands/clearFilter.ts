import { ListingNode } from '../tree/listingNode';
import type { Services } from './services';

export function clearFilter({ explorer, viewState }: Services, node?: unknown): void {
  if (node instanceof ListingNode) {
    viewState.filters.delete(node.id);
    explorer.refresh(node);
  }
}
