import * as vscode from 'vscode';

/** The extension's one log: details of failures go here (redacted), messages stay short. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('R2 Explorer', { log: true });
}
