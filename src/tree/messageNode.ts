import * as vscode from 'vscode';
import { contextValues } from './contextValues';
import type { ExplorerNode } from './explorerNode';

/** A line of text in the view: an empty state, a hint with an action, or a failure with Retry. */
export class MessageNode implements ExplorerNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(
    private readonly parent: ExplorerNode,
    private readonly text: string,
    private readonly options: { kind: 'info' | 'error'; icon?: string; command?: vscode.Command; tooltip?: string },
  ) {
    this.id = `${parent.id}#${options.kind}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const error = this.options.kind === 'error';
    item.iconPath = new vscode.ThemeIcon(
      this.options.icon ?? (error ? 'error' : 'info'),
      error ? new vscode.ThemeColor('errorForeground') : undefined,
    );
    item.contextValue = error ? contextValues.error : contextValues.message;
    item.command = this.options.command;
    item.tooltip = this.options.tooltip ?? this.text;
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
