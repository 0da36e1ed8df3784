// Changing the storage class of objects and folders in place: the work of r2.changeStorageClass,
// in two steps so that the person deciding sees how many objects (and bytes) change before any
// does: planStorageClass lists, changeStorageClass rewrites.
import type { Account } from '../accounts/account';
import { copyObject, parentPrefix } from '../r2';
import { runBatch } from './batch';
import type { Clients } from './clients';
import { objectsUnder } from './objectsUnder';
import { fromBatch } from './outcome';
import type { Outcome } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';

/** R2's two storage classes, as S3 names them. */
export type StorageClassName = 'STANDARD' | 'STANDARD_IA';

/** Objects rewritten at once. */
const CHANGE_CONCURRENCY = 4;

/** An object as listed: the change is bound to this version (its ETag). */
export interface ClassedObject {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  readonly size: number;
  /** As listed; R2 lists STANDARD objects with it or without it. */
  readonly storageClass?: string;
}

/** A selected object, or a folder with everything under it. */
export type StorageClassTarget =
  | ({ readonly kind: 'object' } & ClassedObject)
  | { readonly kind: 'folder'; readonly account: Account; readonly bucket: string; readonly prefix: string };

/** Every object selected, counted before any is rewritten; those already in the class are left alone. */
export interface StorageClassPlan {
  readonly storageClass: StorageClassName;
  /** The objects to rewrite. */
  readonly objects: readonly ClassedObject[];
  readonly bytes: number;
  /** How many selected objects already are in the class. */
  readonly already: number;
}

function classOf(object: ClassedObject): StorageClassName {
  return object.storageClass === 'STANDARD_IA' ? 'STANDARD_IA' : 'STANDARD';
}

/** Lists the selected folders (page by page) and sorts out the objects not yet in `storageClass`. */
export async function planStorageClass(
  clients: Clients,
  targets: readonly StorageClassTarget[],
  storageClass: StorageClassName,
  signal: AbortSignal,
): Promise<StorageClassPlan> {
  // An object selected along with its folder is changed once.
  const byKey = new Map<string, ClassedObject>();
  const add = (object: ClassedObject) => byKey.set(`${object.account.id}/${object.bucket}/${object.key}`, object);
  for (const target of targets) {
    if (target.kind === 'object') {
      const { account, bucket, key, etag, size, storageClass: listed } = target;
      add({ account, bucket, key, etag, size, storageClass: listed });
      continue;
    }
    const { account, bucket } = target;
    for await (const page of objectsUnder(await clients.get(account), bucket, target.prefix, signal)) {
      page.forEach(({ key, etag, size, storageClass: listed }) =>
        add({ account, bucket, key, etag, size, storageClass: listed }),
      );
    }
  }
  const all = [...byKey.values()];
  const objects = all.filter((object) => classOf(object) !== storageClass);
  return {
    storageClass,
    objects,
    bytes: objects.reduce((sum, object) => sum + object.size, 0),
    already: all.length - objects.length,
  };
}

/**
 * Rewrites each planned object onto itself in the new class, with its system and user metadata
 * copied (CopyObject, metadata directive COPY), only while it still is the version listed: one
 * changed since fails (SourceChanged) and keeps what its writer wrote.
 */
export async function changeStorageClass(
  clients: Clients,
  plan: StorageClassPlan,
  signal: AbortSignal,
  reporter: Reporter,
): Promise<Outcome<ClassedObject>> {
  const progress = new ProgressCounter(reporter, plan.objects.length);
  const batch = await runBatch(plan.objects, CHANGE_CONCURRENCY, signal, async (object, itemSignal) => {
    return progress.track(object.key, async () => {
      const location = { bucket: object.bucket, key: object.key };
      await copyObject(
        await clients.get(object.account),
        {
          source: location,
          destination: location,
          sourceIfMatch: object.etag,
          sourceSize: object.size,
          storageClass: plan.storageClass,
        },
        itemSignal,
      );
      progress.itemDone();
      return 'done' as const;
    });
  });
  const places = new Map(
    plan.objects.map(({ account, bucket, key }) => [
      `${account.id}/${bucket}/${parentPrefix(key)}`,
      { accountId: account.id, bucket, prefix: parentPrefix(key) },
    ]),
  );
  return fromBatch(batch, [], [...places.values()]);
}
