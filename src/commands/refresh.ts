import type { ExplorerNode } from '../tree/explorerNode';
import type { Services } from './services';

/** Refreshes one node (from its menu or an error node's Retry) or the whole view. */
export function refresh({ explorer }: Services, node?: ExplorerNode): void {
  explorer.refresh(node);
}
