// Save (Ctrl+S) in a CORS or lifecycle document: the rules are applied here, so a refusal (access
// denied, an invalid rule, rules changed elsewhere) shows R2's reason alone. A save VS Code runs
// itself wraps any refusal as "Failed to save '…': Unable to write file '…' (reason)".
import * as vscode from 'vscode';
import { CONFIG_SCHEME } from '../fs/bucketConfigProvider';
import type { Services } from './services';

export async function saveBucketConfig(services: Services): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.uri.scheme !== CONFIG_SCHEME || !document.isDirty) {
    await services.ui.executeCommand('workbench.action.files.save');
    return;
  }
  try {
    await services.bucketConfigs.apply(document.uri, document.getText());
  } catch (error) {
    void services.ui.showMessage('error', error instanceof Error ? error.message : String(error));
    return;
  }
  // Applied: VS Code's save now finds nothing left to write, and the editor is no longer dirty.
  await document.save();
}
