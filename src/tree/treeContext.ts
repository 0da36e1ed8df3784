import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import type { ViewState } from './viewState';

/** What nodes need to load their children. */
export interface TreeContext {
  readonly accounts: AccountStore;
  readonly clients: ClientPool;
  readonly viewState: ViewState;
  readonly log: vscode.LogOutputChannel;
}
