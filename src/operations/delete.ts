// Deleting objects and folders: the work of r2.delete, in two steps so that the person (or rule)
// deciding sees how many objects go before any does: planDeletion counts, deletePlanned deletes.
import type { Account } from '../accounts/account';
import { deleteObjects, isR2Error, parentPrefix } from '../r2';
import type { Clients } from './clients';
import { objectsUnder } from './objectsUnder';
import { failureOf } from './outcome';
import type { ChangedPlace, Failure, Outcome } from './outcome';
import type { Reporter } from './reporter';

/** DeleteObjects takes at most 1000 keys: one request per chunk, so progress and Cancel fall between requests. */
const CHUNK = 1000;

/** An object, or a folder with everything under it. */
export type DeleteTarget =
  | { readonly kind: 'object'; readonly account: Account; readonly bucket: string; readonly key: string }
  | { readonly kind: 'folder'; readonly account: Account; readonly bucket: string; readonly prefix: string };

export interface DeletedObject {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
}

interface BucketKeys {
  readonly account: Account;
  readonly bucket: string;
  /** Folder markers included: a deleted folder leaves nothing behind. */
  readonly keys: string[];
  /** Where listings change. */
  readonly parents: Set<string>;
}

/** Exactly the keys to delete, counted before any is: an object written meanwhile is not removed unseen. */
export interface DeletionPlan {
  readonly buckets: readonly BucketKeys[];
  readonly total: number;
  /** The bucket's name, or "3 buckets". */
  readonly where: string;
}

/** Lists the selected folders (page by page) and counts every key that would go. */
export async function planDeletion(
  clients: Clients,
  targets: readonly DeleteTarget[],
  signal: AbortSignal,
): Promise<DeletionPlan> {
  const byBucket = new Map<string, BucketKeys>();
  for (const target of targets) {
    const { account, bucket } = target;
    const id = `${account.id}/${bucket}`;
    const keys = byBucket.get(id) ?? { account, bucket, keys: [], parents: new Set<string>() };
    byBucket.set(id, keys);
    if (target.kind === 'object') {
      keys.keys.push(target.key);
      keys.parents.add(parentPrefix(target.key));
    } else {
      for await (const page of objectsUnder(await clients.get(account), bucket, target.prefix, signal)) {
        keys.keys.push(...page.map((object) => object.key));
      }
      keys.parents.add(parentPrefix(target.prefix));
    }
  }
  return planOf([...byBucket.values()]);
}

/** The plan for these objects alone, with no listing: to retry those that failed. */
export function planObjects(objects: readonly DeletedObject[]): DeletionPlan {
  const byBucket = new Map<string, BucketKeys>();
  for (const { account, bucket, key } of objects) {
    const id = `${account.id}/${bucket}`;
    const keys = byBucket.get(id) ?? { account, bucket, keys: [], parents: new Set<string>() };
    byBucket.set(id, keys);
    keys.keys.push(key);
    keys.parents.add(parentPrefix(key));
  }
  return planOf([...byBucket.values()]);
}

function planOf(buckets: readonly BucketKeys[]): DeletionPlan {
  return {
    buckets,
    total: buckets.reduce((sum, each) => sum + each.keys.length, 0),
    where: buckets.length === 1 ? buckets[0].bucket : `${buckets.length} buckets`,
  };
}

/**
 * Deletes the planned keys, in DeleteObjects requests of 1000; per-key failures are in the outcome.
 * Throws only when the first request fails outright, before anything was deleted.
 */
export async function deletePlanned(
  clients: Clients,
  plan: DeletionPlan,
  signal: AbortSignal,
  reporter: Reporter,
): Promise<Outcome<DeletedObject>> {
  const done: DeletedObject[] = [];
  const failed: Array<Failure<DeletedObject>> = [];
  const notDone: DeletedObject[] = [];
  let cancelled = false;
  const report = () => reporter.report({ itemsDone: done.length + failed.length, itemsTotal: plan.total });
  report();
  for (const { account, bucket, keys } of plan.buckets) {
    const object = (key: string): DeletedObject => ({ account, bucket, key });
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK);
      if (cancelled) {
        notDone.push(...chunk.map(object));
        continue;
      }
      try {
        const result = await deleteObjects(await clients.get(account), { bucket, keys: chunk }, signal);
        done.push(...result.deleted.map(object));
        failed.push(
          ...result.errors.map((error) => ({
            item: object(error.key),
            code: error.code,
            message: error.message,
            error,
          })),
        );
      } catch (error) {
        if (!isR2Error(error, 'Cancelled') && !signal.aborted) {
          if (done.length + failed.length === 0) {
            // Nothing deleted yet, nothing changed: the caller presents the error itself (the
            // network, the credentials), as for any request that fails.
            throw error;
          }
          // A whole request failed midway: every key of it failed.
          failed.push(...chunk.map((key) => failureOf(object(key), error)));
        } else {
          cancelled = true;
          notDone.push(...chunk.map(object));
        }
      }
      report();
    }
  }
  const changed: ChangedPlace[] = plan.buckets.flatMap(({ account, bucket, parents }) =>
    [...parents].map((prefix) => ({ accountId: account.id, bucket, prefix })),
  );
  return { done, skipped: [], failed, refused: [], notDone, cancelled, changed };
}
