import type * as vscode from 'vscode';

/** One kind of node in the R2 view. Nodes render and load their children; they never prompt. */
export interface ExplorerNode {
  /** Stable across refreshes, so expansion and selection survive them. */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]>;
  getParent(): ExplorerNode | undefined;
}
