import type * as vscode from 'vscode';
import type { BatchOutcome } from '../operations/batch';
import { messages } from './messages';
import type { UserInterface } from './userInterface';

export interface SummaryOptions<T> {
  readonly verb: 'uploaded' | 'downloaded' | 'deleted' | 'copied';
  readonly outcome: BatchOutcome<T>;
  /** Items refused before any transfer (unreadable files, unsafe names), with the reason. */
  readonly refused: ReadonlyArray<{ name: string; reason: string }>;
  readonly describe: (item: T) => string;
  readonly ui: UserInterface;
  readonly log: vscode.LogOutputChannel;
  readonly retryFailed?: (items: T[]) => Promise<void>;
  /** Actions offered when exactly one item was done, e.g. Copy URL and Reveal in R2. */
  readonly single?: ReadonlyArray<{ title: string; run: () => Promise<unknown> }>;
}

/** "12 uploaded, 1 skipped, 2 failed", with Retry Failed / Show Log, or the single item's actions. */
export async function showTransferSummary<T>(options: SummaryOptions<T>): Promise<void> {
  const { outcome, refused, describe, ui, log } = options;
  for (const { item, error } of outcome.failed) {
    log.error(`${describe(item)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const { name, reason } of refused) {
    log.warn(`${name}: not ${options.verb}, ${reason}`);
  }
  const failed = outcome.failed.length + refused.length;
  const text = messages.transferSummary(options.verb, {
    done: outcome.done.length,
    skipped: outcome.skipped.length,
    failed,
    notDone: outcome.notDone.length,
  });
  if (failed > 0) {
    const actions = [...(options.retryFailed && outcome.failed.length > 0 ? [messages.retryFailedAction] : []), messages.showLogAction];
    const choice = await ui.showMessage('warning', text, ...actions);
    if (choice === messages.retryFailedAction) {
      await options.retryFailed?.(outcome.failed.map(({ item }) => item));
    } else if (choice === messages.showLogAction) {
      log.show();
    }
    return;
  }
  const single = outcome.done.length === 1 && outcome.skipped.length === 0 ? options.single ?? [] : [];
  const choice = await ui.showMessage('info', text, ...single.map((action) => action.title));
  await single.find((action) => action.title === choice)?.run();
}

/**
 * Asks what to do with an existing target; Cancel (or closing the dialog) stops the batch. `changed`:
 * asked again because the target changed after the user chose to overwrite it.
 */
export async function askOverwrite(ui: UserInterface, name: string, where: string, changed = false): Promise<'overwrite' | 'skip' | 'overwriteAll' | 'skipAll' | 'cancel'> {
  const choices = {
    [messages.overwriteAction]: 'overwrite',
    [messages.skipAction]: 'skip',
    [messages.overwriteAllAction]: 'overwriteAll',
    [messages.skipAllAction]: 'skipAll',
  } as const;
  const question = changed ? messages.changedSinceAsked(name, where) : messages.alreadyExists(name, where);
  const choice = await ui.showModal(question, ...Object.keys(choices));
  return choice === undefined ? 'cancel' : choices[choice as keyof typeof choices];
}
