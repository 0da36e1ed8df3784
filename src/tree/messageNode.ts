import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { isR2Error } from '../r2';
import { messages as text } from '../ui/messages';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';

/** A line of text in the view: an empty state, a hint with an action, or a failure with Retry. */
export class MessageNode implements ExplorerNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(
    private readonly parent: ExplorerNode,
    private readonly text: string,
    private readonly options: {
      kind: 'info' | 'error';
      icon?: string;
      command?: vscode.Command;
      tooltip?: string;
      /** Set when the account's credentials failed: the row offers Edit Account for it (`r2.editAccount` takes the row). */
      credentialsOf?: Account;
    },
  ) {
    this.id = `${parent.id}#${options.kind}`;
  }

  /** The account whose credentials failed, for Edit Account from this row. */
  get account(): Account | undefined {
    return this.options.credentialsOf;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const error = this.options.kind === 'error';
    item.iconPath = new vscode.ThemeIcon(
      this.options.icon ?? (error ? 'error' : 'info'),
      error ? new vscode.ThemeColor('errorForeground') : undefined,
    );
    item.contextValue = error
      ? withStates(contextValues.error, { credentials: this.options.credentialsOf !== undefined })
      : contextValues.message;
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

/**
 * The row for a listing that failed. Credentials that stopped working (a revoked or rolled token,
 * a wrong secret) say so in a few words and open Edit Account for the account: a retry cannot fix
 * them. Anything else shows the reason and retries on click.
 */
export function failureRow(parent: ExplorerNode, account: Account, error: unknown, retry: vscode.Command): MessageNode {
  const reason = error instanceof Error ? error.message : String(error);
  if (isR2Error(error, 'InvalidCredentials')) {
    return new MessageNode(parent, text.credentialsStoppedWorking, {
      kind: 'error',
      icon: 'key',
      tooltip: text.credentialsStoppedWorkingTooltip(account.name, reason),
      command: { command: 'r2.editAccount', title: text.editAccountAction, arguments: [account.id] },
      credentialsOf: account,
    });
  }
  return new MessageNode(parent, `${reason} Click to retry.`, { kind: 'error', tooltip: reason, command: retry });
}
