// Making a sync's plan: one listing of the bucket folder (ListObjectsV2 without a delimiter, 1000
// keys a request), one walk of the local folder, and a comparison of each path found on both sides
// (see compare.ts). Nothing is written.
import { join } from 'node:path';
import { runConcurrently } from '../../r2';
import type { R2Object } from '../../r2';
import { planLocalPaths } from '../localPaths';
import { objectsUnder } from '../objectsUnder';
import type { Refusal } from '../outcome';
import { compareFileWithObject } from './compare';
import { SyncFilter } from './filters';
import { walkLocalFolder } from './localTree';
import type { LocalFileVersion } from './localTree';
import type { SyncDirection, SyncEntry, SyncInput, SyncPlan } from './types';

/** Files hashed (or objects looked at) at once while comparing. */
const COMPARE_CONCURRENCY = 8;

/** A path on both sides, decided by comparing; or on one side only, decided already. */
type Pending = { file: LocalFileVersion; object: R2Object; localPath: string; relativePath: string };

interface Sides {
  readonly files: Map<string, LocalFileVersion>;
  readonly objects: Map<string, R2Object>;
  readonly refused: Refusal[];
  /** Local paths that could not be read: keys at or under them are never extra. */
  readonly unreadable: readonly string[];
  readonly listRequests: number;
}

async function readSides(input: SyncInput, direction: SyncDirection, signal: AbortSignal): Promise<Sides> {
  const { options, prefix } = input;
  const filter = new SyncFilter(options.exclude);
  // The walk first: it reads the .gitignore files the keys are then filtered by too.
  const local = await walkLocalFolder(input.localFolder, filter, {
    gitignore: options.useGitignore,
    missingIsEmpty: direction === 'toLocal',
  });
  const client = await input.clients.get(input.account);
  const objects = new Map<string, R2Object>();
  const listing = objectsUnder(client, input.bucket, prefix, signal);
  for await (const page of listing) {
    for (const object of page) {
      const relativePath = object.key.slice(prefix.length);
      // A folder marker is no file on either side.
      if (!object.key.endsWith('/') && !filter.excludes(relativePath)) {
        objects.set(relativePath, object);
      }
    }
  }
  return {
    files: local.files,
    objects,
    refused: local.refused,
    unreadable: local.unreadable,
    listRequests: listing.requests,
  };
}

async function decide(
  input: SyncInput,
  direction: SyncDirection,
  pending: readonly Pending[],
  signal: AbortSignal,
): Promise<SyncEntry[]> {
  const client = await input.clients.get(input.account);
  const entries: SyncEntry[] = [];
  await runConcurrently(pending.length, COMPARE_CONCURRENCY, signal, async (index, taskSignal) => {
    const { file, object, localPath, relativePath } = pending[index];
    const verdict = await compareFileWithObject(client, input.bucket, file, object, direction, taskSignal);
    entries.push({
      relativePath,
      key: object.key,
      localPath,
      action: verdict.same ? 'unchanged' : 'changed',
      rule: verdict.rule,
      size: direction === 'toR2' ? file.size : object.size,
      etag: object.etag,
      local: { size: file.size, mtimeMs: file.mtimeMs },
    });
  });
  return entries;
}

function planOf(
  input: SyncInput,
  direction: SyncDirection,
  sides: Sides,
  entries: SyncEntry[],
  refused: readonly Refusal[],
): SyncPlan {
  entries.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { ...input, direction, entries, refused, listRequests: sides.listRequests };
}

/** What syncing the local folder to the bucket folder would upload, leave, and (if chosen) delete. */
export async function planUpload(input: SyncInput, signal: AbortSignal): Promise<SyncPlan> {
  const sides = await readSides(input, 'toR2', signal);
  const entries: SyncEntry[] = [];
  const pending: Pending[] = [];
  for (const [relativePath, file] of sides.files) {
    const object = sides.objects.get(relativePath);
    const local = { size: file.size, mtimeMs: file.mtimeMs };
    if (object === undefined) {
      const key = input.prefix + relativePath;
      entries.push({ relativePath, key, localPath: file.path, action: 'new', rule: 'missing', size: file.size, local });
    } else {
      pending.push({ file, object, localPath: file.path, relativePath });
    }
  }
  const unknown = (path: string) =>
    sides.unreadable.some(
      (unreadable) => unreadable === '' || path === unreadable || path.startsWith(`${unreadable}/`),
    );
  for (const [relativePath, object] of sides.objects) {
    if (!sides.files.has(relativePath) && !unknown(relativePath)) {
      const localPath = join(input.localFolder, ...relativePath.split('/'));
      const { key, size, etag } = object;
      entries.push({ relativePath, key, localPath, action: 'extra', rule: 'onlyAtTarget', size, etag });
    }
  }
  entries.push(...(await decide(input, 'toR2', pending, signal)));
  return planOf(input, 'toR2', sides, entries, sides.refused);
}

/** What syncing the bucket folder to the local folder would download, leave, and (if chosen) delete. */
export async function planDownload(input: SyncInput, signal: AbortSignal): Promise<SyncPlan> {
  const sides = await readSides(input, 'toLocal', signal);
  // Keys that are no safe file name, or one file with another key on this disk, are refused.
  const items = [...sides.objects].map(([relativePath, object]) => ({ relativePath, object }));
  const located = planLocalPaths(input.localFolder, items, ({ object }) => `${input.bucket}/${object.key}`);
  const entries: SyncEntry[] = [];
  const pending: Pending[] = [];
  for (const { relativePath, object, path } of located.planned) {
    const file = sides.files.get(relativePath);
    if (file === undefined) {
      const { key, size, etag } = object;
      entries.push({ relativePath, key, localPath: path, action: 'new', rule: 'missing', size, etag });
    } else {
      pending.push({ file, object, localPath: path, relativePath });
    }
  }
  for (const [relativePath, file] of sides.files) {
    if (!sides.objects.has(relativePath)) {
      const key = input.prefix + relativePath;
      const local = { size: file.size, mtimeMs: file.mtimeMs };
      entries.push({
        relativePath,
        key,
        localPath: file.path,
        action: 'extra',
        rule: 'onlyAtTarget',
        size: file.size,
        local,
      });
    }
  }
  entries.push(...(await decide(input, 'toLocal', pending, signal)));
  const refused = [
    ...sides.refused,
    ...located.refused.map(({ item, reason }) => ({ name: `${input.bucket}/${item.object.key}`, reason })),
  ];
  return planOf(input, 'toLocal', sides, entries, refused);
}
