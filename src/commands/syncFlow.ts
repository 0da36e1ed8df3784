// One sync, as both sync commands and saved syncs run it: options, the plan (made under progress
// with Cancel, shown before anything is sent: counts, bytes, entries with their rule), the count
// of deletions confirmed, the plan applied under progress, and the summary with Retry Failed.
import type { Account } from '../accounts/account';
import { applyPlan, planDownload, planUpload } from '../operations';
import type { Outcome, SyncDirection, SyncEntry, SyncOptions, SyncPlan } from '../operations';
import { ModalAsker } from '../ui/asker';
import { confirmDone } from '../ui/confirm';
import { formatBytes } from '../ui/format';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { withReporter } from '../ui/progressReporter';
import { pick, pickMany } from '../ui/prompts';
import { UserCancelled } from '../ui/userInterface';
import type { Services } from './services';
import { isSaved, savePair } from './syncPairs';
import type { SyncPair } from './syncPairs';

/** What `r2.sync.exclude` holds until the user sets it. */
export const DEFAULT_SYNC_EXCLUDE = ['**/.git/**', '**/.DS_Store', '**/node_modules/**'];

export interface SyncRequest {
  readonly pair: SyncPair;
  readonly account: Account;
  /** Ask for the options (a saved sync has its own). */
  readonly askOptions: boolean;
}

/** A sync first asked for: deletion off, .gitignore honoured (the options pick starts so). */
export async function startSync(
  services: Services,
  direction: SyncDirection,
  localFolder: string,
  remote: { readonly account: Account; readonly bucket: string; readonly prefix: string },
): Promise<void> {
  const { account, bucket, prefix } = remote;
  const pair = {
    direction,
    localFolder,
    accountId: account.id,
    bucket,
    prefix,
    deleteExtra: false,
    useGitignore: true,
  };
  await runSync(services, { pair, account, askOptions: true });
}

function places(pair: SyncPair): { from: string; to: string } {
  const remote = `${pair.bucket}/${pair.prefix}`;
  return pair.direction === 'toR2' ? { from: pair.localFolder, to: remote } : { from: remote, to: pair.localFolder };
}

async function askOptions(services: Services, pair: SyncPair): Promise<SyncPair> {
  const { to } = places(pair);
  const items = [
    { label: messages.syncDeleteOption(to), picked: pair.deleteExtra, option: 'delete' },
    { label: messages.syncGitignoreOption, picked: pair.useGitignore, option: 'gitignore' },
  ];
  const chosen = await pickMany(services.ui, items, { placeHolder: messages.syncOptionsPlaceholder });
  const has = (option: string) => chosen.some((item) => item.option === option);
  return { ...pair, deleteExtra: has('delete'), useGitignore: has('gitignore') };
}

function optionsOf({ settings }: Services, pair: SyncPair): SyncOptions {
  return {
    deleteExtra: pair.deleteExtra,
    useGitignore: pair.useGitignore,
    exclude: settings.get('sync.exclude', DEFAULT_SYNC_EXCLUDE),
    cacheControl: settings.get<Record<string, string>>('sync.cacheControl', {}),
    concurrency:
      pair.direction === 'toR2' ? Math.max(1, Math.min(64, settings.get('uploadConcurrency', 16))) : undefined,
  };
}

function count(plan: SyncPlan, action: SyncEntry['action']): { n: number; bytes: number } {
  const entries = plan.entries.filter((entry) => entry.action === action);
  return { n: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.size, 0) };
}

const ICONS: Record<SyncEntry['action'], string> = {
  new: '$(add)',
  changed: '$(diff-modified)',
  unchanged: '$(check)',
  extra: '$(trash)',
};

/** The plan as the user decides on it: Apply, or the entries browsed and back; Cancel stops. */
async function confirmPlan(services: Services, plan: SyncPlan, to: string): Promise<void> {
  const added = count(plan, 'new');
  const changed = count(plan, 'changed');
  const text = messages.syncPlanSummary(
    to,
    {
      new: added.n,
      newBytes: formatBytes(added.bytes),
      changed: changed.n,
      changedBytes: formatBytes(changed.bytes),
      unchanged: count(plan, 'unchanged').n,
      extra: count(plan, 'extra').n,
      refused: plan.refused.length,
    },
    plan.options.deleteExtra,
  );
  for (;;) {
    const choice = await services.ui.showModal(text, messages.syncApplyAction, messages.syncShowEntriesAction);
    if (choice === messages.syncApplyAction) {
      return;
    }
    if (choice !== messages.syncShowEntriesAction) {
      throw new UserCancelled();
    }
    // Browsing only: any choice (or Esc) goes back to the plan.
    await services.ui.showQuickPick(
      plan.entries.map((entry) => ({
        label: `${ICONS[entry.action]} ${entry.relativePath}`,
        description: `${entry.action} · ${formatBytes(entry.size)}`,
        detail: messages.syncRule(entry.rule, plan.direction),
      })),
      { placeHolder: messages.syncEntriesPlaceholder(plan.entries.length), matchOnDescription: true },
    );
  }
}

/** Runs a sync from options to summary. */
export async function runSync(services: Services, request: SyncRequest): Promise<void> {
  const { ui } = services;
  const pair = request.askOptions ? await askOptions(services, request.pair) : request.pair;
  const { from, to } = places(pair);
  const input = {
    clients: services.clients,
    account: request.account,
    bucket: pair.bucket,
    prefix: pair.prefix,
    localFolder: pair.localFolder,
    options: optionsOf(services, pair),
  };
  const plan = await ui.withProgress(messages.syncPlanning(from, to), (signal) =>
    pair.direction === 'toR2' ? planUpload(input, signal) : planDownload(input, signal),
  );
  const extra = plan.options.deleteExtra ? count(plan, 'extra').n : 0;
  if (count(plan, 'new').n + count(plan, 'changed').n + extra === 0 && plan.refused.length === 0) {
    await summarize(services, pair, messages.syncNothingToDo(to, count(plan, 'unchanged').n));
    return;
  }
  await confirmPlan(services, plan, to);
  if (extra > 0) {
    const confirmed = await ui.showModal(messages.syncConfirmDelete(extra, to), messages.syncDeleteAction(extra));
    if (confirmed !== messages.syncDeleteAction(extra)) {
      throw new UserCancelled();
    }
  }
  await apply(services, plan, pair, { from, to });
}

async function apply(
  services: Services,
  plan: SyncPlan,
  pair: SyncPair,
  { from, to }: { from: string; to: string },
): Promise<void> {
  const { ui } = services;
  const outcome: Outcome<SyncEntry> = await withReporter(ui, messages.syncApplying(from, to), (signal, reporter) =>
    applyPlan(plan, signal, new ModalAsker(ui), reporter),
  );
  services.changes.fire(outcome.changed);
  const clean = outcome.failed.length + outcome.refused.length + outcome.notDone.length === 0;
  if (clean) {
    const counts = { done: outcome.done.length, skipped: outcome.skipped.length, failed: 0, notDone: 0 };
    await summarize(services, pair, messages.syncSummary(counts));
    return;
  }
  await presentOutcome(services, outcome, {
    verb: pair.direction === 'toR2' ? 'uploaded' : 'downloaded',
    summary: messages.syncSummary,
    describe: (entry) => entry.relativePath,
    accountOf: () => plan.account.id,
    // The failed entries again, each against the version its plan saw.
    retryFailed: (failed) => apply(services, { ...plan, entries: failed, refused: [] }, pair, { from, to }),
  });
}

/** The summary of a sync that went through, offering to remember it when it is not saved yet. */
async function summarize(services: Services, pair: SyncPair, text: string): Promise<void> {
  const offer = isSaved(services, pair) ? [] : [messages.syncRememberAction];
  if ((await services.ui.showMessage('info', text, ...offer)) === messages.syncRememberAction) {
    await remember(services, pair);
  }
}

async function remember(services: Services, pair: SyncPair): Promise<void> {
  await savePair(services, pair);
  confirmDone(services.ui, messages.syncRemembered(places(pair).to));
}

/** A saved pair, chosen from a list of them. */
export async function pickPair(services: Services, pairs: readonly SyncPair[]): Promise<SyncPair> {
  if (pairs.length === 1) {
    return pairs[0];
  }
  const items = pairs.map((pair) => ({ label: places(pair).from, description: `→ ${places(pair).to}`, pair }));
  return (await pick(services.ui, items, { placeHolder: messages.syncPickSavedPlaceholder })).pair;
}
