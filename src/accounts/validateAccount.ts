import { randomUUID } from 'node:crypto';
import { deleteObject, headBucket, isR2Error, listBuckets, R2Client } from '../r2';
import type { EndpointConfig, R2Credentials, R2Error } from '../r2';

export interface AccountCheck {
  /** Admin tokens list buckets; object tokens are scoped to some buckets and cannot list them. */
  readonly kind: 'admin' | 'bucketScoped';
  /**
   * Whether the token may write: false for R2's read-only tokens. Undefined when there was no
   * bucket to ask in (an admin token without buckets, an object token before a bucket is named).
   */
  readonly canWrite?: boolean;
}

/** Why an account could not be used, in words that say what to fix. */
export class AccountProblem extends Error {
  constructor(
    readonly field: 'accessKeyId' | 'secretAccessKey' | 'endpoint' | 'network' | 'bucket' | 'other',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// The S3 error name distinguishes which credential is wrong; R2Error keeps it as its cause.
function s3ErrorName(error: R2Error): string | undefined {
  const cause = error.cause as { name?: unknown } | undefined;
  return typeof cause?.name === 'string' ? cause.name : undefined;
}

function explain(error: unknown, where: string): AccountProblem {
  if (!isR2Error(error)) {
    return new AccountProblem('other', String(error), { cause: error });
  }
  switch (error.code) {
    case 'InvalidCredentials':
      return s3ErrorName(error) === 'SignatureDoesNotMatch'
        ? new AccountProblem(
            'secretAccessKey',
            'The secret access key does not match the access key ID. Copy the secret again from the API token page (it is shown only once; create a new token if you lost it).',
            { cause: error },
          )
        : new AccountProblem(
            'accessKeyId',
            `The access key ID is not known at ${where}. Check it, and the account ID or endpoint. New tokens can take a minute to work.`,
            { cause: error },
          );
    case 'Network':
    case 'Timeout':
      return new AccountProblem(
        'network',
        `Could not reach ${where}. Check the account ID or endpoint, and your network connection.`,
        { cause: error },
      );
    case 'ClockSkew':
      return new AccountProblem(
        'other',
        "The server refused the request because this computer's clock is wrong. Correct the clock and try again.",
        { cause: error },
      );
    case 'NoSuchBucket':
      return new AccountProblem(
        'bucket',
        `There is no bucket "${error.bucket ?? ''}" at ${where}. Check its name and the jurisdiction.`,
        { cause: error },
      );
    case 'AccessDenied':
      return new AccountProblem('bucket', `This token has no access to bucket "${error.bucket ?? ''}".`, {
        cause: error,
      });
    default:
      return new AccountProblem(
        error.code === 'InvalidArgument' ? 'endpoint' : 'other',
        `${where} answered: ${error.message}`,
        { cause: error },
      );
  }
}

/**
 * Whether the token may write in `bucket`, asked by deleting a key that does not exist: a random
 * one, so no object is touched. R2 checks the permission first (a read-only token gets AccessDenied)
 * and deleting a missing key changes nothing; DeleteObject is also free of charge, unlike a PUT.
 * Undefined when the answer says neither (the check then claims nothing).
 */
async function canWriteIn(client: R2Client, bucket: string, signal: AbortSignal): Promise<boolean | undefined> {
  try {
    await deleteObject(client, { bucket, key: `.r2-explorer-write-check/${randomUUID()}` }, signal);
    return true;
  } catch (error) {
    if (isR2Error(error, 'Cancelled')) {
      throw error;
    }
    return isR2Error(error, 'AccessDenied') ? false : undefined;
  }
}

/**
 * Checks credentials before anything is saved: ListBuckets, or HeadBucket for a bucket-scoped token
 * when `bucket` is given; then whether the token may write, in that bucket or the first one listed.
 * Throws AccountProblem.
 */
export async function validateAccount(
  endpoint: EndpointConfig,
  credentials: R2Credentials,
  signal: AbortSignal,
  bucket?: string,
): Promise<AccountCheck> {
  let client: R2Client;
  try {
    // Few attempts: a typo in the endpoint should fail in seconds, not after a long back-off.
    client = new R2Client({ endpoint, credentials, maxAttempts: 2, connectTimeoutMs: 8000, idleTimeoutMs: 15000 });
  } catch (error) {
    throw new AccountProblem('endpoint', error instanceof Error ? error.message : String(error), { cause: error });
  }
  const where = new URL(client.endpoint.url).host;
  try {
    if (bucket !== undefined) {
      await headBucket(client, bucket, signal);
      return { kind: 'bucketScoped', canWrite: await canWriteIn(client, bucket, signal) };
    }
    try {
      const [first] = await listBuckets(client, signal);
      return { kind: 'admin', canWrite: first && (await canWriteIn(client, first.name, signal)) };
    } catch (error) {
      if (isR2Error(error, 'AccessDenied')) {
        return { kind: 'bucketScoped' };
      }
      throw error;
    }
  } catch (error) {
    if (isR2Error(error, 'Cancelled')) {
      throw error;
    }
    throw explain(error, where);
  } finally {
    client.destroy();
  }
}
