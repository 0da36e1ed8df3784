// A pin at the top of its account: the path it names, a click that opens the object or reveals the
// bucket or folder in the tree, and a row that says so when what it names no longer exists.
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { toR2Uri } from '../fs/r2Uri';
import { baseName } from '../r2';
import { messages as text } from '../ui/messages';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';
import type { Pin } from './pins';

export class PinNode implements ExplorerNode {
  readonly kind = 'pin';
  readonly id: string;

  constructor(
    private readonly parent: ExplorerNode,
    readonly account: Account,
    readonly pin: Pin,
    /** Checked when the account was listed: the key, folder or bucket is gone. */
    readonly missing: boolean,
  ) {
    this.id = `pin:${pin.accountId}/${pin.bucket}/${pin.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { bucket, key } = this.pin;
    const item = new vscode.TreeItem(key === '' ? bucket : baseName(key), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.missing ? text.pinMissing : `${bucket}/${key}`;
    item.tooltip = this.missing ? text.pinMissingTooltip(`${bucket}/${key}`) : text.pinTooltip(`${bucket}/${key}`);
    item.iconPath = new vscode.ThemeIcon(
      this.missing ? 'warning' : 'pinned',
      this.missing ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.contextValue = withStates(contextValues.pin, { missing: this.missing });
    const isObject = key !== '' && !key.endsWith('/');
    item.command =
      isObject && !this.missing
        ? { command: 'vscode.open', title: 'Open', arguments: [toR2Uri({ accountId: this.account.id, bucket, key })] }
        : { command: 'r2.openPin', title: 'Reveal', arguments: [this] };
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
