import * as vscode from 'vscode';
import { AccountStore } from './accounts/accountStore';
import { registerCommands } from './commands';
import { contextKeys } from './tree/contextValues';
import { ExplorerProvider } from './tree/explorerProvider';
import { createLog } from './ui/log';

// Composition root: builds the services and registers everything. No network here: R2 is first
// contacted when the user expands a node or runs a command.
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const accounts = new AccountStore(context.globalState, context.secrets);
  const explorer = new ExplorerProvider(accounts);
  const view = vscode.window.createTreeView('r2Explorer', { treeDataProvider: explorer, showCollapseAll: true });

  // The welcome view (package.json viewsWelcome) shows while this key is false.
  const updateHasAccounts = () => vscode.commands.executeCommand('setContext', contextKeys.hasAccounts, accounts.list().length > 0);
  void updateHasAccounts();

  context.subscriptions.push(
    log,
    accounts,
    explorer,
    view,
    accounts.onDidChange(() => void updateHasAccounts()),
    ...registerCommands({ accounts, explorer, log }),
  );
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
