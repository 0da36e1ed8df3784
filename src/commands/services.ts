import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { BucketConfigProvider } from '../fs/bucketConfigProvider';
import type { ClientPool } from '../accounts/clientPool';
import type { ObjectChanges } from '../operations';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { PinStore } from '../tree/pins';
import type { TreeClipboard } from '../tree/treeClipboard';
import type { ViewState } from '../tree/viewState';
import type { UserInterface } from '../ui/userInterface';

/** The extension's settings (`r2.*`), read when needed so a change applies to the next command. */
export interface Settings {
  get<T>(name: string, fallback: T): T;
}

/** What commands work with; built once in activate(), and by hand in the commands' unit tests. */
export interface Services {
  /** Every message, prompt, dialog, progress notification and clipboard write. */
  readonly ui: UserInterface;
  readonly accounts: AccountStore;
  readonly clients: ClientPool;
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly viewState: ViewState;
  readonly log: vscode.LogOutputChannel;
  /** The extension's globalState: remembered choices such as the last upload destination. */
  readonly state: vscode.Memento;
  /** The workspace's own state: what belongs to this workspace, such as its saved syncs. */
  readonly workspaceState: vscode.Memento;
  readonly settings: Settings;
  /** Announces where objects changed; the R2 view lists those places again. */
  readonly changes: ObjectChanges;
  /** Pinned buckets, folders and objects (globalState). */
  readonly pins: PinStore;
  /** The rows Copy Key or Cut took, for Paste. */
  readonly treeClipboard: TreeClipboard;
  /** Applies a bucket settings document (r2-config:) for the Save command. */
  readonly bucketConfigs: Pick<BucketConfigProvider, 'apply'>;
}
