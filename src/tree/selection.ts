import type { ExplorerNode } from './explorerNode';

/**
 * The nodes a tree command acts on: VS Code passes the clicked node and the whole selection; the
 * selection counts only when the clicked node is part of it.
 */
export function selectedNodes(node: unknown, selection: unknown, current: readonly ExplorerNode[]): ExplorerNode[] {
  if (Array.isArray(selection) && selection.includes(node)) {
    return selection as ExplorerNode[];
  }
  if (node !== undefined) {
    return [node as ExplorerNode];
  }
  return [...current];
}
