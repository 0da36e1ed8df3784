import * as vscode from 'vscode';
import { contextValues } from './contextValues';
import type { ExplorerNode } from './explorerNode';

/** Last child of a listing that has more pages: loads the next page into the same level. */
export class LoadMoreNode implements ExplorerNode {
  readonly kind = 'loadMore';
  readonly id: string;

  constructor(
    private readonly parent: ExplorerNode,
    private readonly loaded: number,
  ) {
    this.id = `${parent.id}#loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.description = `${this.loaded.toLocaleString('en')} loaded`;
    item.contextValue = contextValues.loadMore;
    item.command = { command: 'r2.loadMore', title: 'Load More', arguments: [this.parent] };
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
