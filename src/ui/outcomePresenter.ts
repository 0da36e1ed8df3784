// The one way a command shows how it ended: what an operation did (a summary sentence, the failures
// and refusals in the log, and at most two useful actions: Retry Failed and Show Log, or the
// actions for the single item done, such as Copy URL and Reveal in R2), or why it failed.
import type * as vscode from 'vscode';
import type { Outcome } from '../operations';
import { isR2Error } from '../r2';
import { messages } from './messages';
import { redact } from './redact';
import type { UserInterface } from './userInterface';

export interface SummaryCounts {
  readonly done: number;
  readonly skipped: number;
  /** Failed and refused together. */
  readonly failed: number;
  readonly notDone: number;
}

export interface PresentOptions<T> {
  /** As in "12 uploaded, 1 skipped": also names refusals in the log ("not uploaded"). */
  readonly verb: 'uploaded' | 'downloaded' | 'deleted' | 'copied' | 'removed' | 'moved' | 'changed';
  /** The sentence; by default messages.transferSummary(verb, counts). */
  readonly summary?: (counts: SummaryCounts) => string;
  /** An item as the log names it. */
  readonly describe: (item: T) => string;
  /** The log line of a failed item; by default "<item>: <reason>". */
  readonly logFailure?: (item: T, reason: string) => string;
  /** Offered as Retry Failed when items failed. */
  readonly retryFailed?: (items: T[]) => Promise<void>;
  /** Offered when exactly one item was done (and none skipped). */
  readonly single?: ReadonlyArray<{ readonly title: string; readonly run: () => Promise<unknown> }>;
}

/** "12 uploaded, 1 skipped, 2 failed", with Retry Failed / Show Log, or the single item's actions. */
export async function presentOutcome<T>(
  screen: { ui: UserInterface; log: vscode.LogOutputChannel },
  outcome: Outcome<T>,
  options: PresentOptions<T>,
): Promise<void> {
  const { ui, log } = screen;
  const { describe, verb } = options;
  for (const { item, message } of outcome.failed) {
    const reason = redact(message);
    log.error(options.logFailure ? options.logFailure(item, reason) : `${describe(item)}: ${reason}`);
  }
  for (const { name, reason } of outcome.refused) {
    log.warn(`${name}: not ${verb}, ${reason}`);
  }
  const counts = {
    done: outcome.done.length,
    skipped: outcome.skipped.length,
    failed: outcome.failed.length + outcome.refused.length,
    notDone: outcome.notDone.length,
  };
  const text = options.summary ? options.summary(counts) : messages.transferSummary(verb, counts);
  if (counts.failed > 0) {
    const actions = [
      ...(options.retryFailed && outcome.failed.length > 0 ? [messages.retryFailedAction] : []),
      messages.showLogAction,
    ];
    const choice = await ui.showMessage('warning', text, ...actions);
    if (choice === messages.retryFailedAction) {
      await options.retryFailed?.(outcome.failed.map(({ item }) => item));
    } else if (choice === messages.showLogAction) {
      log.show();
    }
    return;
  }
  const single = outcome.done.length === 1 && outcome.skipped.length === 0 ? (options.single ?? []) : [];
  const choice = await ui.showMessage('info', text, ...single.map((action) => action.title));
  await single.find((action) => action.title === choice)?.run();
}

/** The one useful next step for a failure, besides the log. */
function nextStep(error: unknown): string | undefined {
  if (isR2Error(error, 'InvalidCredentials') || isR2Error(error, 'AccessDenied')) {
    return messages.editAccountAction;
  }
  if (isR2Error(error) && ['Network', 'Timeout', 'ServerError', 'Throttled'].includes(error.code)) {
    return messages.retryAction;
  }
  return undefined;
}

/**
 * A command that failed: the error in full in the log (redacted), and one message with at most two
 * actions, the next step and Show Log. Resolves to 'retry' when the user chose Retry.
 */
export async function presentFailure(
  screen: { ui: UserInterface; log: vscode.LogOutputChannel },
  commandId: string,
  error: unknown,
): Promise<'retry' | undefined> {
  const { ui, log } = screen;
  const detail = error instanceof Error ? error.message : String(error);
  log.error(`${commandId} failed: ${redact(error instanceof Error ? (error.stack ?? detail) : detail)}`);
  const step = nextStep(error);
  const action = await ui.showMessage(
    'error',
    messages.commandFailed(redact(detail)),
    ...(step ? [step] : []),
    messages.showLogAction,
  );
  if (action === messages.showLogAction) {
    log.show();
  } else if (action === messages.editAccountAction) {
    await ui.executeCommand('r2.editAccount');
  }
  return action === messages.retryAction ? 'retry' : undefined;
}
