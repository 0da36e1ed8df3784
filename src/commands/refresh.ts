import type { ExplorerNode } from '../tree/explorerNode';
import type { Services } from './services';

export function refresh({ explorer }: Services, node?: ExplorerNode): void {
  explorer.refresh(node);
}
