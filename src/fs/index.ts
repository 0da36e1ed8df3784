import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import type { ObjectChanges } from '../operations';
import { watchBucketConfigDocuments } from './bucketConfigDiagnostics';
import { BucketConfigProvider, CONFIG_SCHEME } from './bucketConfigProvider';
import type { Settings } from '../commands/services';
import { messages } from '../ui/messages';
import type { UserInterface } from '../ui/userInterface';
import { R2FileSystemProvider } from './r2FileSystemProvider';
import type { DirectoryListing } from './r2FileSystemProvider';
import { fromR2Uri, R2_SCHEME } from './r2Uri';

/**
 * A folder too large for VS Code's Explorer says so once a session, with the way to the rest:
 * the R2 view pages it (Load more…), Find Keys… searches all of it.
 */
function truncationNotice(ui: UserInterface): DirectoryListing['onTruncated'] {
  const told = new Set<string>();
  return (uri, shown) => {
    if (told.has(uri.toString())) {
      return;
    }
    told.add(uri.toString());
    void ui.showMessage('info', messages.explorerFolderTruncated(fromR2Uri(uri), shown));
  };
}

/**
 * Objects (`r2:`) and bucket settings (`r2-config:`) as documents VS Code opens, edits and saves;
 * `configs` also applies a bucket settings document for the Save command.
 */
export function registerFileSystems(
  accounts: AccountStore,
  clients: ClientPool,
  log: vscode.LogOutputChannel,
  changes: ObjectChanges,
  screen: { readonly ui: UserInterface; readonly settings: Settings },
): { readonly configs: BucketConfigProvider; readonly subscriptions: vscode.Disposable[] } {
  const objects = new R2FileSystemProvider(accounts, clients, log, changes, {
    maxPages: () => screen.settings.get('explorer.maxPages', 2),
    onTruncated: truncationNotice(screen.ui),
  });
  const configs = new BucketConfigProvider(accounts, clients);
  return {
    configs,
    subscriptions: [
      objects,
      configs,
      vscode.workspace.registerFileSystemProvider(R2_SCHEME, objects, { isCaseSensitive: true }),
      vscode.workspace.registerFileSystemProvider(CONFIG_SCHEME, configs, { isCaseSensitive: true }),
      watchBucketConfigDocuments(),
    ],
  };
}
