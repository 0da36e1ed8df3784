import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';
import type { ExplorerProvider } from './explorerProvider';

/** Shows and selects a key (or folder, expanded) in the view; false when it does not exist. */
export async function revealKey(
  explorer: ExplorerProvider,
  view: vscode.TreeView<ExplorerNode>,
  accountId: string,
  bucket: string,
  key: string,
): Promise<boolean> {
  const target = await explorer.findKey(accountId, bucket, key);
  if (target) {
    await view.reveal(target, { select: true, focus: true, expand: key.endsWith('/') });
  }
  return target !== undefined;
}
