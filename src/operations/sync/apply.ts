// Applying a sync's plan: the new and changed entries transferred through the uploads' and
// downloads' own code, then (only when chosen) the extra entries deleted. A target changed since
// the plan is never replaced without asking: an upload replaces only the version listed (If-Match)
// or creates only (If-None-Match: *); a download asks before replacing a file changed meanwhile.
import { lstat, mkdir, rm } from 'node:fs/promises';
import { fileMd5 } from '../../r2';
import type { R2Client } from '../../r2';
import type { Asker } from '../asker';
import { runBatch } from '../batch';
import type { BatchOutcome, ItemResult } from '../batch';
import { ConflictPolicy } from '../conflicts';
import { deletePlanned, planObjects } from '../delete';
import { failureOf, fromBatch } from '../outcome';
import type { Outcome } from '../outcome';
import { ProgressCounter } from '../reporter';
import type { Reporter } from '../reporter';
import { transfersOf } from '../transfers';
import type { FileTransfers } from '../transfers';
import { uploadOne } from '../uploadOne';
import { cacheControlFor } from './filters';
import { MD5_METADATA, MTIME_METADATA } from './types';
import type { LocalVersion, SyncEntry, SyncPlan } from './types';

/** Uploads of small files are round trips: as many in flight as r2.upload sends by default. */
const UPLOAD_CONCURRENCY = 16;
const DOWNLOAD_CONCURRENCY = 4;
const LOCAL_DELETE_CONCURRENCY = 8;

interface ApplyContext {
  readonly plan: SyncPlan;
  readonly client: R2Client;
  readonly transfers: FileTransfers;
  readonly policy: ConflictPolicy;
  readonly progress: ProgressCounter;
}

/** The file's version now; undefined when there is none (a link is no file to compare). */
async function versionNow(path: string): Promise<LocalVersion | undefined> {
  const info = await lstat(path).catch(() => undefined);
  return info?.isFile() ? { size: info.size, mtimeMs: Math.floor(info.mtimeMs) } : undefined;
}

function sameVersion(a: LocalVersion | undefined, b: LocalVersion | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * One upload, with the file's MD5 and mtime stored in its metadata (a multipart ETag is no MD5:
 * the next sync compares with these). Hashed just before sending: the stored MD5 is of the bytes sent
 * unless the file is written during the upload, which uploadFile refuses.
 */
async function upload(
  { plan, client, transfers, policy, progress }: ApplyContext,
  entry: SyncEntry,
  signal: AbortSignal,
) {
  const before = await versionNow(entry.localPath);
  const md5 = await fileMd5(entry.localPath, signal);
  const file = { path: entry.localPath, relativeKey: entry.relativePath, size: before?.size ?? entry.size };
  return uploadOne(
    client,
    plan,
    file,
    policy,
    progress,
    signal,
    {
      replacing: entry.action === 'changed' ? entry.etag : undefined,
      cacheControl: cacheControlFor(entry.relativePath, plan.options.cacheControl),
      metadata: { [MD5_METADATA]: md5, [MTIME_METADATA]: String(before?.mtimeMs ?? entry.local?.mtimeMs) },
    },
    transfers,
  );
}

/** One download; a file written (or created) since the plan is replaced only when the asker says so. */
async function download(
  { plan, transfers, policy, progress }: ApplyContext,
  entry: SyncEntry,
  signal: AbortSignal,
): Promise<ItemResult> {
  const now = await versionNow(entry.localPath);
  if (now !== undefined && !sameVersion(now, entry.local)) {
    const sides = {
      existing: { place: 'local' as const, size: now.size, modified: new Date(now.mtimeMs) },
      incoming: { place: 'r2' as const, size: entry.size },
    };
    if ((await policy.decide(entry.relativePath, false, sides)) === 'skip') {
      return 'skipped';
    }
  }
  let received = 0;
  // downloadFile writes a temporary file renamed into place: Cancel leaves the old file whole.
  await transfers.download(
    {
      bucket: plan.bucket,
      key: entry.key,
      filePath: entry.localPath,
      root: plan.localFolder,
      onProgress: (bytes) => {
        progress.add(bytes - received);
        received = bytes;
      },
    },
    entry.size,
    signal,
  );
  return 'done';
}

/** Deletes the extra objects (DeleteObjects, 1000 keys a request). */
async function deleteObjects(context: ApplyContext, entries: readonly SyncEntry[], signal: AbortSignal) {
  const { plan, progress } = context;
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const objects = entries.map(({ key }) => ({ account: plan.account, bucket: plan.bucket, key }));
  let counted = 0;
  const outcome = await deletePlanned(plan.clients, planObjects(objects), signal, {
    report: ({ itemsDone }) => {
      for (; counted < itemsDone; counted++) {
        progress.itemDone();
      }
    },
  });
  const entry = ({ key }: { key: string }) => byKey.get(key)!;
  return {
    done: outcome.done.map(entry),
    skipped: [],
    failed: outcome.failed.map(({ item, error }) => ({ item: entry(item), error })),
    notDone: outcome.notDone.map(entry),
    cancelled: outcome.cancelled,
  };
}

/** Deletes the extra local files, each only if it is still the version planned. */
function deleteFiles({ progress }: ApplyContext, entries: readonly SyncEntry[], signal: AbortSignal) {
  return runBatch(entries, LOCAL_DELETE_CONCURRENCY, signal, async (entry) => {
    const unchanged = sameVersion(await versionNow(entry.localPath), entry.local);
    if (unchanged) {
      await rm(entry.localPath);
    }
    progress.itemDone();
    return unchanged ? 'done' : 'skipped';
  });
}

/**
 * Transfers the plan's new and changed entries, then deletes its extra ones when the plan's options
 * say so (the caller has confirmed the count). Cancel stops between items and leaves every key and
 * every file whole: an old version or the new one. Retry Failed: apply a plan of the failed entries.
 */
export async function applyPlan(
  plan: SyncPlan,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<SyncEntry>> {
  const toR2 = plan.direction === 'toR2';
  const transfers = plan.entries.filter((entry) => entry.action === 'new' || entry.action === 'changed');
  const extra = plan.options.deleteExtra ? plan.entries.filter((entry) => entry.action === 'extra') : [];
  const where = toR2 ? plan.bucket : plan.localFolder;
  const client = await plan.clients.get(plan.account);
  const context: ApplyContext = {
    plan,
    client,
    transfers: transfersOf(plan.clients, plan.account, client),
    policy: new ConflictPolicy((name, changed, sides) =>
      asker.overwrite({ name, where, changed, many: transfers.length > 1, sides }),
    ),
    progress: new ProgressCounter(
      reporter,
      transfers.length + extra.length,
      transfers.reduce((sum, entry) => sum + entry.size, 0),
    ),
  };
  if (!toR2) {
    await mkdir(plan.localFolder, { recursive: true });
  }
  const concurrency = plan.options.concurrency ?? (toR2 ? UPLOAD_CONCURRENCY : DOWNLOAD_CONCURRENCY);
  const transferred = await runBatch(transfers, concurrency, signal, async (entry, itemSignal) => {
    return context.progress.track(entry.relativePath, async () => {
      const result = await (toR2 ? upload : download)(context, entry, itemSignal);
      context.progress.itemDone();
      return result;
    });
  });
  let deleted: BatchOutcome<SyncEntry> = { done: [], skipped: [], failed: [], notDone: [...extra], cancelled: false };
  if (!transferred.cancelled && extra.length > 0) {
    try {
      deleted = await (toR2 ? deleteObjects : deleteFiles)(context, extra, signal);
    } catch (error) {
      // The first DeleteObjects failed outright: every extra entry failed, the transfers stand.
      deleted = { ...deleted, notDone: [], failed: extra.map((item) => ({ item, error })) };
    }
  }
  const changed = toR2 ? [{ accountId: plan.account.id, bucket: plan.bucket, prefix: plan.prefix }] : [];
  const outcome = fromBatch(transferred, plan.refused, changed);
  return {
    ...outcome,
    done: [...outcome.done, ...deleted.done],
    skipped: [...outcome.skipped, ...deleted.skipped],
    failed: [...outcome.failed, ...deleted.failed.map(({ item, error }) => failureOf(item, error))],
    notDone: [...outcome.notDone, ...deleted.notDone],
    cancelled: outcome.cancelled || deleted.cancelled,
  };
}
