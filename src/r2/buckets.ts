import { parseBucketListing } from './listXml';
import { s3 } from './sdk';
import type { BucketLocationConstraint } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import { R2Error } from './errors';
import type { R2Bucket } from './types';

export const LOCATION_HINTS = ['wnam', 'enam', 'weur', 'eeur', 'apac', 'oc'] as const;
export type LocationHint = (typeof LOCATION_HINTS)[number];

/** Why `name` is not a valid R2 bucket name, or undefined if it is (for input validation too). */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) {
    return 'Bucket names are 3 to 63 characters long.';
  }
  if (!/^[a-z0-9-]+$/.test(name)) {
    return 'Bucket names use only lower-case letters, digits and hyphens.';
  }
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) {
    return 'Bucket names start and end with a letter or digit.';
  }
  return undefined;
}

/**
 * Every bucket the credentials can list (following continuation tokens). A token scoped to some
 * buckets gets R2Error `AccessDenied`: callers then let the user add buckets by name.
 */
export async function listBuckets(client: R2Client, signal: AbortSignal): Promise<R2Bucket[]> {
  const buckets: R2Bucket[] = [];
  let token: string | undefined;
  do {
    const query: Record<string, string> = token === undefined ? {} : { 'continuation-token': token };
    const answer = await client.sendInMemory(
      'ListBuckets',
      { method: 'GET', query, headers: {} },
      { operation: 'ListBuckets' },
      signal,
    );
    const page = parseBucketListing(answer.body.toString('utf8'));
    buckets.push(...page.buckets);
    token = page.nextToken;
  } while (token !== undefined);
  return buckets;
}

export interface CreateBucketInput {
  bucket: string;
  locationHint?: LocationHint;
}

export async function createBucket(client: R2Client, input: CreateBucketInput, signal: AbortSignal): Promise<void> {
  const { bucket, locationHint } = input;
  const context = { operation: 'CreateBucket', bucket };
  const problem = bucketNameProblem(bucket);
  if (problem !== undefined) {
    throw new R2Error('InvalidBucketName', context, { message: problem });
  }
  const command = new (s3().CreateBucketCommand)({
    Bucket: bucket,
    // R2 reads its location hints from the S3 location constraint; the SDK's type lists AWS regions.
    CreateBucketConfiguration:
      locationHint === undefined ? undefined : { LocationConstraint: locationHint as BucketLocationConstraint },
  });
  if (locationHint === undefined) {
    // The SDK fills in the client's region ("auto") as the constraint, which other S3 servers
    // refuse; without a hint, send none and let the server choose. Low priority: after the SDK's.
    command.middlewareStack.add(
      (next) => async (args) => await next({ ...args, input: { ...args.input, CreateBucketConfiguration: undefined } }),
      {
        step: 'initialize',
        priority: 'low',
      },
    );
  }
  await client.send(command, context, signal);
}

/** Deletes an empty bucket; a non-empty one fails with R2Error `BucketNotEmpty`. */
export async function deleteBucket(client: R2Client, bucket: string, signal: AbortSignal): Promise<void> {
  await client.send(new (s3().DeleteBucketCommand)({ Bucket: bucket }), { operation: 'DeleteBucket', bucket }, signal);
}

/** Resolves if the bucket exists and is reachable; otherwise `NoSuchBucket` or `AccessDenied`. */
export async function headBucket(client: R2Client, bucket: string, signal: AbortSignal): Promise<void> {
  await client.send(new (s3().HeadBucketCommand)({ Bucket: bucket }), { operation: 'HeadBucket', bucket }, signal);
}
