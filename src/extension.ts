import { join } from 'node:path';
import * as vscode from 'vscode';
import { AccountStore } from './accounts/accountStore';
import { ClientPool } from './accounts/clientPool';
import { directDownloadsFor } from './accounts/directDownloads';
import { configureSandboxAccount } from './accounts/sandboxAccount';
import { registerCommands } from './commands';
import { registerFileSystems } from './fs';
import { watchAutoSave } from './fs/autoSaveNotice';
import { ObjectChanges } from './operations';
import { contextKeys } from './tree/contextValues';
import { registerAgentTools } from './tools';
import type { AgentTools } from './tools';
import { ExplorerDragAndDrop } from './tree/dragAndDrop';
import type { ExplorerNode } from './tree/explorerNode';
import { ExplorerProvider } from './tree/explorerProvider';
import { PinStore } from './tree/pins';
import { TransferThread } from './transfers/transferThread';
import { TreeClipboard } from './tree/treeClipboard';
import { ViewState } from './tree/viewState';
import { AbortFailureReporter } from './ui/abortFailures';
import { createLog } from './ui/log';
import { VscodeUserInterface } from './ui/vscodeUserInterface';

/**
 * What activate() returns to the integration tests, and only to them: every other extension can
 * call `getExtension(...).activate()`, and from the explorer reach the account store, the clients
 * and the credentials they sign with.
 */
export interface ExtensionApi {
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly viewState: ViewState;
  readonly agentTools: AgentTools['tools'];
  /** How many transfers went to the transfer thread: where a large one ran. */
  readonly transferThread: Pick<TransferThread, 'handed'>;
}

// Composition root: builds the services and registers everything. No network here: R2 is first
// contacted when the user expands a node or runs a command.
export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi | undefined> {
  const log = createLog();
  const ui = new VscodeUserInterface();
  const settings = {
    get: <T>(name: string, fallback: T): T => vscode.workspace.getConfiguration('r2').get<T>(name, fallback),
  };
  const accounts = new AccountStore(context.globalState, context.secrets);
  const abortFailures = new AbortFailureReporter(ui, log);
  const http = () => vscode.workspace.getConfiguration('http');
  const transferThread = new TransferThread({
    script: join(__dirname, 'transferThread.js'),
    log,
  });
  const clients: ClientPool = new ClientPool(
    accounts,
    (account) => ({
      idleTimeoutMs: 1000 * settings.get('requestTimeoutSeconds', 30),
      onAbortFailed: abortFailures.report,
      directDownloads: directDownloadsFor(account, {
        proxy: http().get('proxy', ''),
        proxySupport: http().get('proxySupport', 'override'),
        noProxy: http().get<string[]>('noProxy', []),
        env: process.env,
      }),
    }),
    transferThread.forAccount((account) => clients.optionsFor(account)),
  );
  const viewState = new ViewState();
  const changes = new ObjectChanges();
  const pins = new PinStore(context.globalState);
  const explorer = new ExplorerProvider({ accounts, clients, viewState, log, changes, pins });
  const view = vscode.window.createTreeView<ExplorerNode>('r2Explorer', {
    treeDataProvider: explorer,
    dragAndDropController: new ExplorerDragAndDrop(),
    showCollapseAll: true,
    canSelectMany: true,
  });

  // The welcome view (package.json viewsWelcome) shows while this key is false.
  const updateHasAccounts = () =>
    vscode.commands.executeCommand('setContext', contextKeys.hasAccounts, accounts.list().length > 0);
  void updateHasAccounts();

  const fileSystems = registerFileSystems(accounts, clients, log, changes, { ui, settings });
  const agentTools = registerAgentTools(
    (context.extension.packageJSON as { contributes: { languageModelTools: [] } }).contributes.languageModelTools,
    {
      accounts,
      clients,
      settings,
      workspaceFolders: () =>
        (vscode.workspace.workspaceFolders ?? [])
          .filter((folder) => folder.uri.scheme === 'file')
          .map((folder) => folder.uri.fsPath),
    },
    log,
  );

  context.subscriptions.push(
    log,
    pins,
    accounts,
    clients,
    transferThread,
    explorer,
    view,
    explorer.watch(view),
    accounts.onDidChange(() => void updateHasAccounts()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // New clients for new settings: the proxy ones decide whether downloads go direct.
      if (
        ['r2.requestTimeoutSeconds', 'http.proxy', 'http.proxySupport', 'http.noProxy'].some((name) =>
          event.affectsConfiguration(name),
        )
      ) {
        clients.clear();
      }
    }),
    ...registerCommands({
      ui,
      accounts,
      clients,
      explorer,
      view,
      viewState,
      log,
      state: context.globalState,
      workspaceState: context.workspaceState,
      settings,
      changes,
      pins,
      treeClipboard: new TreeClipboard(),
      bucketConfigs: fileSystems.configs,
    }),
    ...fileSystems.subscriptions,
    watchAutoSave(context.globalState, ui),
    agentTools,
  );
  // Only under `npm start`: the sandbox's demo account, stored before a command can run.
  await configureSandboxAccount(accounts, (message) => log.warn(message)).catch((error: unknown) =>
    log.error(`Sandbox account not configured: ${String(error)}`),
  );
  return context.extensionMode === vscode.ExtensionMode.Test
    ? { explorer, view, viewState, agentTools: agentTools.tools, transferThread }
    : undefined;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
