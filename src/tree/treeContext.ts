import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import type { ObjectChanges } from '../operations';
import type { PinStore } from './pins';
import type { ViewState } from './viewState';

/** What nodes need to load their children. */
export interface TreeContext {
  readonly accounts: AccountStore;
  readonly clients: ClientPool;
  readonly viewState: ViewState;
  readonly log: vscode.LogOutputChannel;
  /** Where objects changed (after an upload, a delete, a new folder…): those places are listed again. */
  readonly changes: ObjectChanges;
  /** Pinned buckets, folders and objects, shown at the top of their account. */
  readonly pins: PinStore;
}
