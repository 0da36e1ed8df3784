// Open in Explorer: a bucket or folder as a workspace folder on the r2: file system, so VS Code's own
// Explorer browses, opens, creates, renames, moves and deletes in it (with the file system's
// conditional writes). The folder's URI names the account entry, resolved again after a reload.
import * as vscode from 'vscode';
import { toR2Uri } from '../fs/r2Uri';
import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pick } from '../ui/prompts';
import type { Services } from './services';

export async function openInExplorer({ ui }: Services, node?: unknown): Promise<void> {
  if (!isListingNode(node)) {
    return;
  }
  // The r2: path of a folder is its prefix without the last '/', as readDirectory names folders.
  const uri = toR2Uri({ accountId: node.account.id, bucket: node.bucket, key: node.prefix.replace(/\/$/, '') });
  const where = `${node.bucket}/${node.prefix}`;
  const choice = await pick(
    ui,
    [
      { label: messages.addToWorkspaceAction },
      { label: messages.openInNewWindowAction },
      { label: messages.openInThisWindowAction },
    ],
    { title: messages.openInExplorerTitle, placeHolder: messages.openInExplorerPlaceholder(where) },
  );
  if (choice.label === messages.addToWorkspaceAction) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const name = messages.workspaceFolderName(where, node.account.name);
    // Appended, never first: changing the first workspace folder restarts every extension. A window
    // with one folder becomes an untitled multi-root workspace (VS Code reloads it).
    if (!vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name })) {
      void ui.showMessage('warning', messages.workspaceFolderNotAdded(where));
      return;
    }
    await ui.executeCommand('workbench.view.explorer');
  } else {
    await ui.executeCommand('vscode.openFolder', uri, {
      forceNewWindow: choice.label === messages.openInNewWindowAction,
    });
  }
}
