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

/**
 * The node a command for one node acts on: the one it was given (a click, a menu), or, when a
 * keybinding ran it (keybindings pass nothing), the view's selection if that is one node.
 */
export function targetNode(node: unknown, current: readonly ExplorerNode[]): unknown {
  return node ?? (current.length === 1 ? current[0] : undefined);
}
