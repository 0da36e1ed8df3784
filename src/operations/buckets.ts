// Creating and deleting buckets: the work of r2.createBucket and r2.deleteBucket, with no screen.
import type { Account } from '../accounts/account';
import { createBucket as createR2Bucket, deleteBucket as deleteR2Bucket, deletePrefix, isR2Error } from '../r2';
import type { LocationHint, R2Client } from '../r2';
import { messages } from '../ui/messages';
import { failureOf, outcomeOf } from './outcome';
import type { Outcome } from './outcome';
import type { Reporter } from './reporter';

export interface BucketInput {
  readonly client: R2Client;
  /** The account the client is for. */
  readonly account: Account;
  readonly bucket: string;
}

/** The account's list of buckets changed. */
function bucketsChanged(account: Account) {
  return [{ accountId: account.id }];
}

/** Creates a bucket; the name is checked against R2's rules before any request. */
export async function createBucket(
  input: BucketInput & { readonly locationHint?: LocationHint },
  signal: AbortSignal,
): Promise<Outcome<string>> {
  await createR2Bucket(input.client, { bucket: input.bucket, locationHint: input.locationHint }, signal);
  return outcomeOf({ done: [input.bucket], changed: bucketsChanged(input.account) });
}

/**
 * Deletes an empty bucket. One with objects in it is not deleted: the outcome's failure then has
 * the code BucketNotEmpty, and emptyAndDeleteBucket is the way on.
 */
export async function deleteBucket(input: BucketInput, signal: AbortSignal): Promise<Outcome<string>> {
  try {
    await deleteR2Bucket(input.client, input.bucket, signal);
  } catch (error) {
    if (!isR2Error(error, 'BucketNotEmpty')) {
      throw error;
    }
    return outcomeOf({ failed: [failureOf(input.bucket, error)] });
  }
  return outcomeOf({ done: [input.bucket], changed: bucketsChanged(input.account) });
}

/**
 * Deletes every object in the bucket (one listed page at a time), then the bucket. Objects that
 * could not be deleted keep the bucket: the outcome's failure says how many.
 */
export async function emptyAndDeleteBucket(
  input: BucketInput,
  signal: AbortSignal,
  reporter: Reporter,
): Promise<Outcome<string>> {
  const { client, bucket } = input;
  const emptied = await deletePrefix(
    client,
    { bucket, prefix: '', onProgress: (deleted) => reporter.report({ itemsDone: deleted }) },
    signal,
  );
  if (emptied.failed > 0) {
    return outcomeOf({
      failed: [failureOf(bucket, new Error(messages.deletePartial(emptied.deleted, emptied.failed)))],
    });
  }
  // The emptying may have taken long; the bucket's own deletion gets a deadline of its own.
  await deleteR2Bucket(client, bucket, client.deadline());
  return outcomeOf({ done: [bucket], changed: bucketsChanged(input.account) });
}
