// Copying objects to another folder, bucket or account, and renaming (moving) one within its
// bucket: the work of r2.copyTo and r2.rename, with no screen.
import type { Account } from '../accounts/account';
import { baseName, deleteMovedSource, parentPrefix } from '../r2';
import { messages } from '../ui/messages';
import type { Asker } from './asker';
import { runBatch } from './batch';
import type { Clients } from './clients';
import { ConflictPolicy } from './conflicts';
import { copyOne, moveOne } from './copyOne';
import type { Destination } from './destination';
import { objectsUnder } from './objectsUnder';
import { fromBatch, outcomeOf } from './outcome';
import type { Outcome } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';

/**
 * Objects copied at once. Within an account the bytes move on the server, so each copy mostly waits
 * for round trips: as many in flight as uploads (r2.uploadConcurrency's default) hide them.
 */
const COPY_CONCURRENCY = 16;

/** An object as listed: a copy or move is bound to this version (its ETag). */
export interface ListedObject {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  /** When known: an object over 5 GiB is copied in parts. */
  readonly size?: number;
  /** The key below the destination folder; its name by default (a folder's objects keep their place in it). */
  readonly relativeKey?: string;
}

/** A folder to copy with everything under it. */
export interface CopyFolder {
  readonly account: Account;
  readonly bucket: string;
  readonly prefix: string;
}

/**
 * The objects under each folder (listed page by page, folder markers included so empty folders
 * come along), each below the folder's own name: copying `docs/` into `backup/` writes
 * `backup/docs/…`. A folder copied into itself or below itself is refused before anything is listed.
 */
export async function listFoldersToCopy(
  clients: Clients,
  folders: readonly CopyFolder[],
  destination: Destination,
  signal: AbortSignal,
): Promise<ListedObject[]> {
  const objects: ListedObject[] = [];
  for (const folder of folders) {
    if (
      folder.account.id === destination.account.id &&
      folder.bucket === destination.bucket &&
      destination.prefix.startsWith(folder.prefix)
    ) {
      throw new Error(messages.copyFolderIntoItself(folder.prefix));
    }
    const client = await clients.get(folder.account);
    for await (const page of objectsUnder(client, folder.bucket, folder.prefix, signal)) {
      for (const object of page) {
        objects.push({
          account: folder.account,
          bucket: folder.bucket,
          key: object.key,
          etag: object.etag,
          size: object.size,
          relativeKey: `${baseName(folder.prefix)}/${object.key.slice(folder.prefix.length)}`,
        });
      }
    }
  }
  return objects;
}

export interface CopyInput {
  readonly clients: Clients;
  readonly objects: readonly ListedObject[];
  /** Each object is copied into this folder under its own name. */
  readonly destination: Destination;
  /**
   * Moves rather than copies: each source, once copied, is deleted if it is still the version copied
   * (a source changed meanwhile is kept, and counts as failed). Used across buckets and accounts,
   * where there is no rename.
   */
  readonly moveSources?: boolean;
}

/**
 * Copies objects into a folder. Within one account R2 copies server-side; across accounts the bytes
 * stream through this machine. An existing target is replaced only when the asker says so, and then
 * only the version asked about; a source changed since it was listed fails rather than copying
 * someone else's write.
 */
export async function copyObjects(
  input: CopyInput,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<ListedObject>> {
  const { clients, destination } = input;
  const targetClient = await clients.get(destination.account);
  const policy = new ConflictPolicy((key, changed, sides) =>
    asker.overwrite({ name: key, where: destination.bucket, changed, many: input.objects.length > 1, sides }),
  );
  const progress = new ProgressCounter(reporter, input.objects.length);
  const batch = await runBatch(input.objects, COPY_CONCURRENCY, signal, async (object, itemSignal) => {
    const key = destination.prefix + (object.relativeKey ?? baseName(object.key));
    if (object.account.id === destination.account.id && object.bucket === destination.bucket && object.key === key) {
      throw new Error(messages.copyOntoItself(key));
    }
    const source = {
      client: await clients.get(object.account),
      bucket: object.bucket,
      key: object.key,
      etag: object.etag,
      size: object.size,
    };
    const result = await copyOne(
      source,
      { client: targetClient, bucket: destination.bucket, key },
      object.account.id === destination.account.id,
      policy,
      itemSignal,
    );
    if (result === 'done' && input.moveSources) {
      await deleteMovedSource(source.client, source, object.etag, itemSignal);
    }
    progress.itemDone();
    return result;
  });
  const sources = input.moveSources
    ? batch.done.map((object) => ({
        accountId: object.account.id,
        bucket: object.bucket,
        prefix: parentPrefix(object.key),
      }))
    : [];
  return fromBatch(
    batch,
    [],
    [{ accountId: destination.account.id, bucket: destination.bucket, prefix: destination.prefix }, ...sources],
  );
}

export interface RenameInput {
  readonly clients: Clients;
  readonly object: ListedObject;
  /** The new key, in the same bucket: another folder moves the object. */
  readonly newKey: string;
}

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original.
 * An existing target is replaced only when the asker says so, and only the version asked about;
 * only the version listed is copied and deleted. Resolves with the key done, or skipped when the
 * target is kept.
 */
export async function renameObject(input: RenameInput, signal: AbortSignal, asker: Asker): Promise<Outcome<string>> {
  const { object, newKey } = input;
  const client = await input.clients.get(object.account);
  const confirm = async (key: string, changed: boolean) => {
    const answer = await asker.overwrite({ name: key, where: object.bucket, changed, many: false });
    return answer === 'overwrite' || answer === 'overwriteAll';
  };
  const result = await moveOne(
    { client, bucket: object.bucket, key: object.key, etag: object.etag, size: object.size },
    newKey,
    confirm,
    signal,
  );
  if (result === 'skipped') {
    return outcomeOf({ skipped: [object.key] });
  }
  const place = (key: string) => ({ accountId: object.account.id, bucket: object.bucket, prefix: parentPrefix(key) });
  return outcomeOf({ done: [object.key], changed: [place(object.key), place(newKey)] });
}
