// The one port to the screen: every message, prompt, dialog, progress notification and clipboard
// write of the extension goes through a UserInterface. VS Code's is VscodeUserInterface; tests
// script test/support/fakeUi.ts instead, so commands run in plain Node. Types only from `vscode`.
import type { InputBoxOptions, OpenDialogOptions, QuickPickItem, QuickPickOptions, Uri } from 'vscode';

export type MessageLevel = 'info' | 'warning' | 'error';

/** A progress notification's bar and message, as VS Code's Progress takes them. */
export interface ProgressSink {
  report(value: { message?: string; increment?: number }): void;
}

/** The user dismissed a prompt or pressed Cancel: the command stops, silently. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'UserCancelled';
  }
}

/** What fills a live quick pick while it is open. */
export interface LivePick<T> {
  /** Adds items as they arrive, after those already there. */
  add(items: readonly T[]): void;
  /** The line that says how far the work got ("12 found · 3,000 keys scanned"). */
  status(text: string): void;
}

/** The item chosen, and which of its buttons was pressed (undefined: the item itself, Enter). */
export interface LivePickChoice<T> {
  readonly item: T;
  readonly button?: number;
}

/** An image taken from the clipboard, as PNG bytes, with the name the clipboard gave it ('' when none). */
export interface PastedImage {
  readonly bytes: Uint8Array;
  readonly name: string;
}

export interface UserInterface {
  /** A notification with buttons; resolves to the button pressed, or undefined when it is closed. */
  showMessage(level: MessageLevel, message: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal warning; resolves to the button pressed, or undefined for Cancel. */
  showModal(message: string, ...actions: string[]): Promise<string | undefined>;
  /** An input box; undefined when dismissed. */
  showInputBox(options: InputBoxOptions): Promise<string | undefined>;
  /**
   * An input box that stays open until `accept` takes the value entered (it may ask R2, while the box
   * shows it is busy): a problem it returns shows under the box, for the user to correct and press
   * Enter again. Resolves to the value accepted, or undefined when dismissed.
   */
  showInputBoxUntilAccepted(
    options: InputBoxOptions,
    accept: (value: string) => Promise<string | undefined>,
  ): Promise<string | undefined>;
  /** A quick pick of one item (the items may still be loading); undefined when dismissed. */
  showQuickPick<T extends QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: QuickPickOptions,
  ): Promise<T | undefined>;
  /** A quick pick of any number of items (those marked `picked` start selected); undefined when dismissed. */
  showQuickPickMany<T extends QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: QuickPickOptions,
  ): Promise<readonly T[] | undefined>;
  /**
   * A quick pick that `fill` fills while it is open (results that stream in); closing it fires the
   * signal. A failure of `fill` closes it and rejects. Undefined when dismissed.
   */
  showLiveQuickPick<T extends QuickPickItem>(
    options: { readonly title: string; readonly placeHolder: string },
    fill: (pick: LivePick<T>, signal: AbortSignal) => Promise<void>,
  ): Promise<LivePickChoice<T> | undefined>;
  /** The OS file dialog; undefined when dismissed. */
  showOpenDialog(options: OpenDialogOptions): Promise<readonly Uri[] | undefined>;
  /** Runs `work` under a notification titled `title` whose Cancel fires the signal. */
  withProgress<T>(title: string, work: (signal: AbortSignal, progress: ProgressSink) => Promise<T>): Promise<T>;
  /** A short note in the status bar, gone after `timeoutMs`. */
  setStatusBarMessage(text: string, timeoutMs: number): void;
  writeClipboard(text: string): Promise<void>;
  /** The system clipboard's text ('' when it holds none). */
  readClipboard(): Promise<string>;
  /**
   * A pad titled `title` where the user pastes an image (the clipboard API reads only text); resolves
   * to the image as PNG, or undefined when the pad is closed first.
   */
  pasteImage(title: string): Promise<PastedImage | undefined>;
  /** Runs a command of VS Code or of this extension (a follow-up the user chose, an editor to open). */
  executeCommand(command: string, ...args: unknown[]): Promise<unknown>;
  /** Opens a web address in the user's browser. */
  openExternal(url: string): Promise<void>;
  /** Shows a local file in the OS file manager. */
  revealFile(path: string): Promise<void>;
  /** The resource of the active editor, or of the active tab for images and other custom editors. */
  activeResource(): Uri | undefined;
  /** Whether the document open for `uri` has unsaved edits. */
  isDirty(uri: Uri): boolean;
  /** Saves the document open for `uri`, when it has unsaved edits. */
  saveIfDirty(uri: Uri): Promise<void>;
  /** `uri` as the workspace names it (relative to its folder), for titles. */
  asRelativePath(uri: Uri): string;
  /** Opens `uri` in a text editor (not a preview); resolves to whether the document has unsaved edits. */
  showTextDocument(uri: Uri): Promise<{ readonly isDirty: boolean }>;
}
