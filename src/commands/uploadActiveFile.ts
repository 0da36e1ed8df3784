import { basename } from 'node:path';
import * as vscode from 'vscode';
import { uploadPaths } from '../operations/uploads';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import type { Services } from './services';

/** The file of the active editor (text or not), or the editor whose title or tab was right-clicked. */
function activeFileUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) {
    return input.uri;
  }
  return vscode.window.activeTextEditor?.document.uri;
}

export async function uploadActiveFile(services: Services, target?: unknown): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : activeFileUri();
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(messages.noActiveFile);
    return;
  }
  // Upload what the user sees: unsaved edits are saved first.
  const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (document?.isDirty) {
    await document.save();
  }
  const destination = await pickDestination(services, 'Upload Active File to R2', basename(uri.fsPath));
  await uploadPaths(services, destination, [uri.fsPath]);
}
