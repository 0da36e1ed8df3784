// What an operation did, for its caller to present: no operation shows anything itself.
import { isR2Error } from '../r2';
import type { R2ErrorCode } from '../r2';
import type { BatchOutcome } from './batch';

/**
 * A place whose listing changed: a folder of a bucket (`prefix` '' for its root), or, without a
 * bucket, the account's list of buckets. The R2 view lists these again (ObjectChanges).
 */
export interface ChangedPlace {
  readonly accountId: string;
  readonly bucket?: string;
  readonly prefix?: string;
}

export interface Failure<T> {
  readonly item: T;
  /** What R2 (or the S3 layer) said, when it was R2; undefined for anything else. */
  readonly code?: R2ErrorCode;
  readonly message: string;
  /** The error itself, for the log. */
  readonly error: unknown;
}

/** An input refused before any request (an unreadable file, a key that is no safe file name). */
export interface Refusal {
  readonly name: string;
  readonly reason: string;
}

export interface Outcome<T> {
  readonly done: readonly T[];
  readonly skipped: readonly T[];
  readonly failed: ReadonlyArray<Failure<T>>;
  readonly refused: readonly Refusal[];
  /** Items never finished because the work was cancelled. */
  readonly notDone: readonly T[];
  readonly cancelled: boolean;
  readonly changed: readonly ChangedPlace[];
}

export function failureOf<T>(item: T, error: unknown): Failure<T> {
  return {
    item,
    code: isR2Error(error) ? error.code : undefined,
    message: error instanceof Error ? error.message : String(error),
    error,
  };
}

/** An outcome with nothing in it but what is given. */
export function outcomeOf<T>(parts: Partial<Outcome<T>>): Outcome<T> {
  return { done: [], skipped: [], failed: [], refused: [], notDone: [], cancelled: false, changed: [], ...parts };
}

export function fromBatch<T>(
  batch: BatchOutcome<T>,
  refused: readonly Refusal[],
  changed: readonly ChangedPlace[],
): Outcome<T> {
  return {
    done: batch.done,
    skipped: batch.skipped,
    failed: batch.failed.map(({ item, error }) => failureOf(item, error)),
    refused,
    notDone: batch.notDone,
    cancelled: batch.cancelled,
    changed,
  };
}

/** Whether an outcome holds no item at all (nothing was found to work on). */
export function isEmpty(outcome: Outcome<unknown>): boolean {
  return (
    outcome.done.length +
      outcome.skipped.length +
      outcome.failed.length +
      outcome.refused.length +
      outcome.notDone.length ===
    0
  );
}
