import type { ExplorerNode } from './explorerNode';
import type { ListingNode } from './listingNode';
import { isBucketNode, isListingNode, isObjectNode } from './nodeKinds';
import type { ObjectNode } from './objectNode';

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

/** The folder a paste or drop goes into: a bucket or folder, or an object's folder. */
export function pasteDestination(node: unknown): ListingNode | undefined {
  const folder = isObjectNode(node) ? node.getParent() : node;
  return isListingNode(folder) ? folder : undefined;
}

/**
 * The selected objects and folders, in order. A selected bucket row is left out: commands that act
 * on objects (Delete, Change Storage Class) never take a whole bucket from a selection.
 */
export function selectedObjectsAndFolders(
  node: unknown,
  selection: unknown,
  current: readonly ExplorerNode[],
): Array<ObjectNode | ListingNode> {
  return selectedNodes(node, selection, current).filter(
    (each): each is ObjectNode | ListingNode => isObjectNode(each) || (isListingNode(each) && !isBucketNode(each)),
  );
}
