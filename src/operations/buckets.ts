// Creating and deleting buckets: the work of r2.createBucket and r2.deleteBucket, with no screen.
import type { Account } from '../accounts/account';
import {
  createBucket as createR2Bucket,
  deleteBucket as deleteR2Bucket,
  deletePrefix,
  isR2Error,
  listBuckets,
} from '../r2';
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

/** The buckets an account reaches, and whether its token could list them. */
export interface AccountBuckets {
  readonly names: readonly string[];
  /** false: the token may not list buckets (scoped to some), so `names` are only those added by name. */
  readonly listed: boolean;
}

/**
 * The buckets the token lists, with those the user added by name, sorted. A token scoped to some
 * buckets is refused ListBuckets (AccessDenied): the buckets added by name still work.
 */
export async function accountBuckets(client: R2Client, account: Account, signal: AbortSignal): Promise<AccountBuckets> {
  const added = account.pinnedBuckets ?? [];
  try {
    const listed = await listBuckets(client, signal);
    return { names: [...new Set([...listed.map((bucket) => bucket.name), ...added])].sort(), listed: true };
  } catch (error) {
    if (!isR2Error(error, 'AccessDenied')) {
      throw error;
    }
    return { names: [...added].sort(), listed: false };
  }
}
