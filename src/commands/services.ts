import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** What commands work with; built once in activate(). */
export interface Services {
  readonly accounts: AccountStore;
  readonly explorer: ExplorerProvider;
  readonly log: vscode.LogOutputChannel;
}
