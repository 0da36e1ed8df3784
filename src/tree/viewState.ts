import * as vscode from 'vscode';
import { MAX_PAGE_SIZE } from '../r2';

export type SortOrder = 'name' | 'size' | 'date';

/** What the view remembers across refreshes: filters and expansion by node id, and the user's settings. */
export class ViewState {
  /** Server-side prefix filters, keyed by the id of the bucket or folder node they narrow. */
  readonly filters = new Map<string, string>();
  /** Ids of the nodes the user left expanded: a node listed anew (after an outage) opens as it was. */
  readonly expanded = new Set<string>();
  /** Whether the user's file icon theme draws folders (kept up to date by watchIconTheme). */
  folderIcons = false;
  /** The clock ages on rows are measured against; tests move it instead of waiting. */
  now: () => Date = () => new Date();

  pageSize(): number {
    const configured = vscode.workspace.getConfiguration('r2').get<number>('pageSize', MAX_PAGE_SIZE);
    return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(configured)));
  }

  sortBy(): SortOrder {
    return vscode.workspace.getConfiguration('r2').get<SortOrder>('sortBy', 'name');
  }
}
