// Renaming or moving a folder within its bucket: the work of r2.rename on a folder, with no screen.
// R2 has no rename: each object under the folder is copied, then its source deleted.
import type { Account } from '../accounts/account';
import { copyObject, deleteMovedSource, parentPrefix, rebaseKey } from '../r2';
import type { R2Object } from '../r2';
import { messages } from '../ui/messages';
import type { Asker } from './asker';
import { runBatch } from './batch';
import type { Clients } from './clients';
import { ConflictPolicy, objectSide, writeWithoutClobbering } from './conflicts';
import { objectsUnder } from './objectsUnder';
import { fromBatch } from './outcome';
import type { Outcome } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';

/**
 * Objects moved at once. Each is four round trips one after another (HEAD, copy, HEAD, delete) and
 * no bytes through this machine: as many in flight as uploads (r2.uploadConcurrency's default).
 */
const MOVE_CONCURRENCY = 16;

export interface MoveFolderInput {
  readonly clients: Clients;
  readonly account: Account;
  readonly bucket: string;
  /** The folder that moves, ending with '/'. */
  readonly prefix: string;
  /** Its new place in the same bucket, ending with '/'. */
  readonly newPrefix: string;
  /** Objects moved at once; default 16. */
  readonly concurrency?: number;
}

/**
 * Moves every object under the folder (its marker included) below `newPrefix`, keeping its place
 * in the folder. Each object, bound to the version listed: copied create-only (a taken key is asked
 * about, and only the version asked about replaced), then its source deleted only if the copy
 * succeeded and the source is still that version. A cancelled or failed move leaves every object
 * whole at one place or both; running it again finishes the rest: a destination that already holds
 * the same ETag and size counts as copied, and its source is deleted. Items are the sources listed.
 */
export async function moveFolder(
  input: MoveFolderInput,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<R2Object>> {
  const { account, bucket, prefix, newPrefix } = input;
  // The listing would find the moved objects again, and move them again.
  if (newPrefix.startsWith(prefix)) {
    throw new Error(messages.moveFolderIntoItself(prefix));
  }
  const client = await input.clients.get(account);
  const objects: R2Object[] = [];
  for await (const page of objectsUnder(client, bucket, prefix, signal)) {
    objects.push(...page);
  }
  const policy = new ConflictPolicy((name, changed, sides) =>
    asker.overwrite({ name, where: bucket, changed, many: objects.length > 1, sides }),
  );
  const progress = new ProgressCounter(reporter, objects.length);
  const batch = await runBatch(objects, input.concurrency ?? MOVE_CONCURRENCY, signal, async (object, itemSignal) => {
    return progress.track(object.key, async () => {
      const source = { bucket, key: object.key };
      const destination = { bucket, key: rebaseKey(object.key, prefix, newPrefix) };
      const copied = await writeWithoutClobbering(
        client,
        destination,
        {
          write: async (conditions) => {
            const copy = { source, destination, sourceIfMatch: object.etag, sourceSize: object.size };
            await copyObject(
              client,
              { ...copy, destinationIfMatch: conditions.ifMatch, destinationIfNoneMatch: conditions.ifNoneMatch },
              itemSignal,
            );
          },
          // Copied by an earlier run that stopped before deleting the source.
          alreadyThere: async (current) => current.etag === object.etag && current.size === object.size,
          decide: (changed, current) =>
            policy.decide(destination.key, changed, { existing: objectSide(current), incoming: objectSide(object) }),
        },
        itemSignal,
      );
      if (copied === 'done') {
        await deleteMovedSource(client, source, object.etag, itemSignal);
      }
      progress.itemDone();
      return copied;
    });
  });
  const places = [...new Set([parentPrefix(prefix), parentPrefix(newPrefix), newPrefix])];
  return fromBatch(
    batch,
    [],
    places.map((place) => ({ accountId: account.id, bucket, prefix: place })),
  );
}
