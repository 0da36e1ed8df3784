// One way to confirm a small thing done (a value copied, a setting changed): a status bar note
// with a check, gone after a few seconds, as the AWS Toolkit confirms its copies. A notification
// would have to be closed after every Ctrl+C in the view.
import { messages } from './messages';
import type { UserInterface } from './userInterface';

const CONFIRM_MS = 5000;

export function confirmDone(ui: UserInterface, text: string): void {
  ui.setStatusBarMessage(`$(check) ${text}`, CONFIRM_MS);
}

/** Writes `value` to the clipboard and confirms it, quoted, with nothing else. */
export async function copyAndConfirm(ui: UserInterface, value: string): Promise<void> {
  await ui.writeClipboard(value);
  confirmDone(ui, messages.urlCopied(value));
}
