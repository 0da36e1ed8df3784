// The one way a command shows how it ended: what an operation did (a summary sentence that says why
// items failed, the failures and refusals in the log, and at most two useful actions: the next step
// the failures call for and Show Log, or the actions for the single item done, such as Copy URL and
// Reveal in R2), or why it failed.
import type * as vscode from 'vscode';
import type { Failure, Outcome } from '../operations';
import { isR2Error, isTransient } from '../r2';
import type { R2ErrorCode } from '../r2';
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
  /** Offered as Retry Failed, for the items a retry can fix (the network, the server, time limits). */
  readonly retryFailed?: (items: T[]) => Promise<void>;
  /** The id of the account an item was worked on with: Edit Account edits it when its key was refused. */
  readonly accountOf?: (item: T) => string;
  /** Offered when exactly one item was done (and none skipped). */
  readonly single?: ReadonlyArray<{ readonly title: string; readonly run: () => Promise<unknown> }>;
}

/** "12 uploaded, 1 skipped, 2 failed: <why>", with the next step and Show Log, or the single item's actions. */
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
  const summary = options.summary ? options.summary(counts) : messages.transferSummary(verb, counts);
  if (counts.failed > 0) {
    await presentFailures(screen, outcome, options, summary);
    return;
  }
  const single = outcome.done.length === 1 && outcome.skipped.length === 0 ? (options.single ?? []) : [];
  const choice = await ui.showMessage('info', summary, ...single.map((action) => action.title));
  await single.find((action) => action.title === choice)?.run();
}

/** What a failure calls for: another attempt, other credentials, or nothing a button can do. */
type Remedy = 'retry' | 'editAccount' | undefined;

function remedyOf(code: R2ErrorCode | undefined): Remedy {
  if (code === 'InvalidCredentials' || code === 'AccessDenied') {
    return 'editAccount';
  }
  return code !== undefined && isTransient(code) ? 'retry' : undefined;
}

/** The one useful next step for a failure, besides the log. */
function nextStep(error: unknown): string | undefined {
  const remedy = remedyOf(isR2Error(error) ? error.code : undefined);
  return remedy === 'editAccount' ? messages.editAccountAction : remedy === 'retry' ? messages.retryAction : undefined;
}

/** Why an item failed, short, as it follows the summary; failures alike give the same text. */
function causeOf(code: R2ErrorCode | undefined, message: string, verb: PresentOptions<unknown>['verb']): string {
  if (code === 'AccessDenied') {
    // A key that lists and reads but is refused a write is most often a read-only token.
    return messages.causeAccessDenied(verb !== 'downloaded');
  }
  if (code === 'InvalidCredentials') {
    return messages.causeInvalidCredentials;
  }
  const text = redact(message).replace(/\.$/, '');
  // "Could not reach the server" reads as part of the sentence; a quoted name or "S3" stays as it is.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The summary with the cause of its failures (or the most common one), and the next step they call for. */
async function presentFailures<T>(
  screen: { ui: UserInterface; log: vscode.LogOutputChannel },
  outcome: Outcome<T>,
  options: PresentOptions<T>,
  summary: string,
): Promise<void> {
  const { ui, log } = screen;
  const causes = new Map<string, { count: number; remedy: Remedy; first?: Failure<T> }>();
  const count = (cause: string, remedy: Remedy, failure?: Failure<T>) => {
    const seen = causes.get(cause);
    causes.set(cause, { count: (seen?.count ?? 0) + 1, remedy, first: seen?.first ?? failure });
  };
  for (const failure of outcome.failed) {
    count(causeOf(failure.code, failure.message, options.verb), remedyOf(failure.code), failure);
  }
  for (const { reason } of outcome.refused) {
    count(causeOf(undefined, reason, options.verb), undefined);
  }
  const [cause, common] = [...causes].reduce((most, next) => (next[1].count > most[1].count ? next : most));
  const stem = summary.replace(/\.$/, '');
  const text =
    causes.size === 1
      ? messages.summaryWithCause(stem, cause)
      : messages.summaryWithCommonCause(stem, common.count, cause);
  const retryable = outcome.failed.filter((failure) => remedyOf(failure.code) === 'retry').map(({ item }) => item);
  const editAccount =
    common.remedy === 'editAccount' && common.first && options.accountOf ? common.first.item : undefined;
  const step =
    editAccount !== undefined
      ? messages.editAccountAction
      : options.retryFailed && retryable.length > 0
        ? messages.retryFailedAction
        : undefined;
  const choice = await ui.showMessage('warning', text, ...(step ? [step] : []), messages.showLogAction);
  if (choice === messages.retryFailedAction) {
    await options.retryFailed?.(retryable);
  } else if (choice === messages.editAccountAction && editAccount !== undefined) {
    await ui.executeCommand('r2.editAccount', options.accountOf?.(editAccount));
  } else if (choice === messages.showLogAction) {
    log.show();
  }
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
