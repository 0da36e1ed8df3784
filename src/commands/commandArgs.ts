// What VS Code passes to a command, told apart by shape: command modules need `vscode` for types
// only, so their unit tests run in plain Node.
import type * as vscode from 'vscode';

export function isUri(value: unknown): value is vscode.Uri {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as vscode.Uri).scheme === 'string' &&
    typeof (value as vscode.Uri).fsPath === 'string'
  );
}

/** A multi-selection of the Explorer (or files dropped on the view). */
export function isUriList(value: unknown): value is vscode.Uri[] {
  return Array.isArray(value) && value.length > 0 && value.every(isUri);
}
