import * as vscode from 'vscode';
import { messages } from './messages';

function required(value: string): string | undefined {
  return value.trim() ? undefined : messages.required;
}

/**
 * Asks for one value (required unless the options validate otherwise); dismissing cancels the
 * command. Trimmed, except with `verbatim` (object keys may start or end with spaces).
 */
export async function ask(options: vscode.InputBoxOptions, { verbatim = false } = {}): Promise<string> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, validateInput: required, ...options });
  if (value === undefined) {
    throw new vscode.CancellationError();
  }
  return verbatim ? value : value.trim();
}

/** Picks one item; dismissing cancels the command. */
export async function pick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: vscode.QuickPickOptions): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
  if (picked === undefined) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/** Picks any number of items (those marked `picked` start selected); dismissing cancels the command. */
export async function pickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options: vscode.QuickPickOptions): Promise<T[]> {
  const picked = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true });
  if (picked === undefined) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/** Runs `work` under a notification with Cancel wired to an AbortSignal. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return work(controller.signal, progress).finally(() => subscription.dispose());
  }));
}

/** Files and folders to upload, from the OS dialog; dismissing cancels the command. */
export async function pickLocalPaths(title: string): Promise<vscode.Uri[]> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectFiles: true, canSelectFolders: true, canSelectMany: true, openLabel: 'Upload' });
  if (!picked || picked.length === 0) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/** A local folder to download into; dismissing cancels the command. */
export async function pickLocalFolder(title: string): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Download Here' });
  if (!picked || picked.length === 0) {
    throw new vscode.CancellationError();
  }
  return picked[0];
}
