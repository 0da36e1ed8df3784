import type * as vscode from 'vscode';

export type NodeKind = 'account' | 'bucket' | 'prefix' | 'object' | 'loadMore' | 'message' | 'pin';

/** One kind of node in the R2 view. Nodes render and load their children; they never prompt. */
export interface ExplorerNode {
  /** What the node is, read by commands without loading the node classes (see nodeKinds.ts). */
  readonly kind: NodeKind;
  /** Stable across refreshes, so expansion and selection survive them. */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]>;
  getParent(): ExplorerNode | undefined;
}
