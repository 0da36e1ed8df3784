import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { ViewState } from '../tree/viewState';

/** What commands work with; built once in activate(). */
export interface Services {
  readonly accounts: AccountStore;
  readonly clients: ClientPool;
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly viewState: ViewState;
  readonly log: vscode.LogOutputChannel;
  /** The extension's globalState: remembered choices such as the last upload destination. */
  readonly state: vscode.Memento;
}
