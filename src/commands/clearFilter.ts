import { isListingNode } from '../tree/nodeKinds';
import type { Services } from './services';

export function clearFilter({ explorer, viewState }: Services, node?: unknown): void {
  if (isListingNode(node)) {
    viewState.filters.delete(node.id);
    explorer.refresh(node);
  }
}
