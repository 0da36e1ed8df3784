import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import type { ObjectChanges } from '../operations';
import { watchBucketConfigDocuments } from './bucketConfigDiagnostics';
import { BucketConfigProvider, CONFIG_SCHEME } from './bucketConfigProvider';
import { R2FileSystemProvider } from './r2FileSystemProvider';
import { R2_SCHEME } from './r2Uri';

/** Objects (`r2:`) and bucket settings (`r2-config:`) as documents VS Code opens, edits and saves. */
export function registerFileSystems(
  accounts: AccountStore,
  clients: ClientPool,
  log: vscode.LogOutputChannel,
  changes: ObjectChanges,
): vscode.Disposable[] {
  const objects = new R2FileSystemProvider(accounts, clients, log, changes);
  const configs = new BucketConfigProvider(accounts, clients);
  return [
    objects,
    configs,
    vscode.workspace.registerFileSystemProvider(R2_SCHEME, objects, { isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(CONFIG_SCHEME, configs, { isCaseSensitive: true }),
    watchBucketConfigDocuments(),
  ];
}
