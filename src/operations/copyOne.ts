// One object of a copy, rename or move, with its conflict decision. No vscode import: unit-tested
// in plain Node.
import { copyObject, moveObject, streamCopyObject } from '../r2';
import type { R2Client } from '../r2';
import type { ItemResult } from './batch';
import type { ConflictPolicy } from './conflicts';
import { objectSide, writeWithoutClobbering } from './conflicts';

/** The object to copy, as listed: the copy is bound to this version. */
export interface CopySource {
  readonly client: R2Client;
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  /** When known: a source over 5 GiB is copied in parts. */
  readonly size?: number;
}

export interface CopyTarget {
  readonly client: R2Client;
  readonly bucket: string;
  readonly key: string;
}

/**
 * Copies one object, bound to the version listed (a changed source fails with SourceChanged). The
 * target is created only while free; an existing one is replaced only if the user says so, and only
 * the version they were asked about. `serverSide` (both in one account) copies with CopyObject;
 * otherwise the bytes stream through this machine.
 */
export async function copyOne(
  source: CopySource,
  target: CopyTarget,
  serverSide: boolean,
  policy: ConflictPolicy,
  signal: AbortSignal,
): Promise<ItemResult> {
  const destination = { bucket: target.bucket, key: target.key };
  return await writeWithoutClobbering(
    target.client,
    destination,
    {
      write: async (conditions) => {
        const input = {
          source: { bucket: source.bucket, key: source.key },
          destination,
          sourceIfMatch: source.etag,
          sourceSize: source.size,
          destinationIfMatch: conditions.ifMatch,
          destinationIfNoneMatch: conditions.ifNoneMatch,
        };
        await (serverSide
          ? copyObject(target.client, input, signal)
          : streamCopyObject(source.client, target.client, input, signal));
      },
      decide: (changed, current) => policy.decide(target.key, changed, { existing: objectSide(current) }),
    },
    signal,
  );
}

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original, as
 * copyOne guards the target; only the version listed is moved and deleted (moveObject).
 */
export async function moveOne(
  source: CopySource,
  targetKey: string,
  confirmOverwrite: (key: string, changed: boolean) => Promise<boolean>,
  signal: AbortSignal,
): Promise<ItemResult> {
  const { client, bucket, key } = source;
  const destination = { bucket, key: targetKey };
  return await writeWithoutClobbering(
    client,
    destination,
    {
      write: async (conditions) => {
        await moveObject(
          client,
          {
            source: { bucket, key },
            destination,
            sourceIfMatch: source.etag,
            sourceSize: source.size,
            destinationIfMatch: conditions.ifMatch,
            destinationIfNoneMatch: conditions.ifNoneMatch,
          },
          signal,
        );
      },
      decide: async (changed) => ((await confirmOverwrite(targetKey, changed)) ? 'overwrite' : 'skip'),
    },
    signal,
  );
}
