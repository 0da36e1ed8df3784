// Prompts a command cannot go on without: dismissing one cancels the command (UserCancelled).
import type { InputBoxOptions, QuickPickItem, QuickPickOptions, Uri } from 'vscode';
import { messages } from './messages';
import { UserCancelled } from './userInterface';
import type { UserInterface } from './userInterface';

function required(value: string): string | undefined {
  return value.trim() ? undefined : messages.required;
}

/**
 * Asks for one value (required unless the options validate otherwise); dismissing cancels the
 * command. Trimmed, except with `verbatim` (object keys may start or end with spaces); `accept`
 * sees the value as typed.
 */
export async function ask(
  ui: UserInterface,
  options: InputBoxOptions,
  {
    verbatim = false,
    accept,
  }: {
    verbatim?: boolean;
    /** Checks the value on Enter (it may ask R2): a problem it returns keeps the box open, showing it. */
    accept?: (value: string) => Promise<string | undefined>;
  } = {},
): Promise<string> {
  const shown = { ignoreFocusOut: true, validateInput: required, ...options };
  const value = accept ? await ui.showInputBoxUntilAccepted(shown, accept) : await ui.showInputBox(shown);
  if (value === undefined) {
    throw new UserCancelled();
  }
  return verbatim ? value : value.trim();
}

/** Picks one item; dismissing cancels the command. */
export async function pick<T extends QuickPickItem>(
  ui: UserInterface,
  items: readonly T[] | Promise<readonly T[]>,
  options: QuickPickOptions,
): Promise<T> {
  const picked = await ui.showQuickPick(items, { ignoreFocusOut: true, ...options });
  if (picked === undefined) {
    throw new UserCancelled();
  }
  return picked;
}

/** Picks any number of items (those marked `picked` start selected); dismissing cancels the command. */
export async function pickMany<T extends QuickPickItem>(
  ui: UserInterface,
  items: readonly T[] | Promise<readonly T[]>,
  options: QuickPickOptions,
): Promise<readonly T[]> {
  const picked = await ui.showQuickPickMany(items, { ignoreFocusOut: true, ...options });
  if (picked === undefined) {
    throw new UserCancelled();
  }
  return picked;
}

/** Files and folders to upload, from the OS dialog; dismissing cancels the command. */
export async function pickLocalPaths(ui: UserInterface, title: string): Promise<readonly Uri[]> {
  const picked = await ui.showOpenDialog({
    title,
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    openLabel: 'Upload',
  });
  if (!picked || picked.length === 0) {
    throw new UserCancelled();
  }
  return picked;
}

/** A local folder to download into; dismissing cancels the command. */
export async function pickLocalFolder(ui: UserInterface, title: string, openLabel = 'Download Here'): Promise<Uri> {
  const picked = await ui.showOpenDialog({
    title,
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel,
  });
  if (!picked || picked.length === 0) {
    throw new UserCancelled();
  }
  return picked[0];
}

/** A local file to compare with; dismissing cancels the command. */
export async function pickLocalFile(ui: UserInterface, title: string, openLabel: string): Promise<Uri> {
  const picked = await ui.showOpenDialog({
    title,
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    openLabel,
  });
  if (!picked || picked.length === 0) {
    throw new UserCancelled();
  }
  return picked[0];
}
