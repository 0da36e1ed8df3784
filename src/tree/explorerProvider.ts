import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import { AccountNode } from './accountNode';
import type { ExplorerNode } from './explorerNode';

/** The R2 view's data: accounts at the root. An empty root shows the welcome view. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly accounts: AccountStore) {
    this.subscription = accounts.onDidChange(() => this.refresh());
  }

  refresh(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) {
      return node.getChildren();
    }
    const roots = [...this.accounts.list()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((account) => new AccountNode(account));
    return Promise.resolve(roots);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.getParent();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
