import * as vscode from 'vscode';
import { messages } from '../ui/messages';
import type { UserInterface } from '../ui/userInterface';
import { R2_SCHEME } from './r2Uri';

/** Set once the notice was shown; forgotten when auto save after a delay is turned off, so turning it on again tells again. */
const SHOWN_KEY = 'r2.autoSaveNoticeShown';

/** Auto save after a delay writes an r2: document back to R2 at every pause in typing. */
function autoSavesAfterDelay(uri?: vscode.Uri): boolean {
  const files = vscode.workspace.getConfiguration('files', uri);
  return files.get<string>('autoSave') === 'afterDelay' && files.get<boolean>('autoSaveWorkspaceFilesOnly') !== true;
}

/**
 * With auto save after a delay, the first r2: editor says that every pause writes the object to R2,
 * once, and offers to auto save only the workspace's files (r2: objects are outside it).
 */
export function watchAutoSave(state: vscode.Memento, ui: Pick<UserInterface, 'showMessage'>): vscode.Disposable {
  // Set from the check until the memento holds the answer, so two editors opening at once tell once.
  let telling = false;
  const check = async (editors: readonly vscode.TextEditor[]) => {
    const editor = editors.find((each) => each.document.uri.scheme === R2_SCHEME);
    if (!editor || telling || state.get<boolean>(SHOWN_KEY) || !autoSavesAfterDelay(editor.document.uri)) {
      return;
    }
    telling = true;
    await state.update(SHOWN_KEY, true).then(undefined, () => undefined);
    telling = false;
    const choice = await ui.showMessage('info', messages.autoSaveWritesToR2, messages.autoSaveWorkspaceFilesOnlyAction);
    if (choice === messages.autoSaveWorkspaceFilesOnlyAction) {
      await vscode.workspace
        .getConfiguration('files')
        .update('autoSaveWorkspaceFilesOnly', true, vscode.ConfigurationTarget.Global);
    }
  };
  // r2: editors restored with the window count as opened.
  void check(vscode.window.visibleTextEditors);
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors((editors) => void check(editors)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        (event.affectsConfiguration('files.autoSave') ||
          event.affectsConfiguration('files.autoSaveWorkspaceFilesOnly')) &&
        !autoSavesAfterDelay()
      ) {
        void state.update(SHOWN_KEY, undefined);
      }
    }),
  );
}
