import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { contextValues } from './contextValues';
import type { ExplorerNode } from './explorerNode';

export class AccountNode implements ExplorerNode {
  readonly id: string;

  constructor(readonly account: Account) {
    this.id = `account:${account.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = contextValues.account;
    item.description = this.account.endpoint ?? (this.account.jurisdiction === 'default' ? undefined : this.account.jurisdiction.toUpperCase());
    item.tooltip = this.account.endpoint ?? `Account ${this.account.accountId ?? ''}`;
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  getParent(): ExplorerNode | undefined {
    return undefined;
  }
}
