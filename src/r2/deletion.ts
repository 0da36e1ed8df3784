import { s3 } from './sdk';
import type { R2Client } from './client';
import { codeFromS3, isR2Error, R2Error } from './errors';
import { isValidKey } from './keys';
import { listPage, MAX_PAGE_SIZE } from './listing';
import { deleteObject } from './objects';
import type { DeleteFailure } from './types';

/** DeleteObjects takes at most 1000 keys per request. */
const BATCH_SIZE = 1000;
/** deletePrefix counts every failure but keeps only the first few: a prefix can hold millions. */
const MAX_REPORTED_FAILURES = 100;
/** Characters XML 1.0 cannot carry even escaped: keys with them are deleted one request each. */
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export interface DeleteManyResult {
  deleted: string[];
  errors: DeleteFailure[];
}

export interface DeletePrefixInput {
  bucket: string;
  /** Every key starting with this is deleted; `''` empties the bucket. */
  prefix: string;
  /** Called after each batch with the running count of deleted objects. */
  onProgress?: (deleted: number) => void;
}

export interface DeletePrefixResult {
  deleted: number;
  failed: number;
  /** The first failures (at most 100). */
  errors: DeleteFailure[];
}

function failure(key: string, error: R2Error): DeleteFailure {
  return { key, code: error.code, message: error.message };
}

/** A per-key error from a DeleteObjects response. */
function reportedFailure(bucket: string, key: string, code: string | undefined): DeleteFailure {
  const context = { operation: 'DeleteObjects', bucket, key };
  return failure(key, new R2Error(codeFromS3(code, undefined, context), context));
}

async function deleteOneByOne(
  client: R2Client,
  bucket: string,
  keys: string[],
  signal: AbortSignal,
): Promise<DeleteManyResult> {
  const result: DeleteManyResult = { deleted: [], errors: [] };
  for (const key of keys) {
    try {
      await deleteObject(client, { bucket, key }, signal);
      result.deleted.push(key);
    } catch (err) {
      // A fired signal (a Cancel, or the caller's deadline) ends the whole batch, not this key.
      if (!isR2Error(err) || signal.aborted) {
        throw err;
      }
      result.errors.push(failure(key, err));
    }
  }
  return result;
}

async function deleteBatch(
  client: R2Client,
  bucket: string,
  keys: string[],
  signal: AbortSignal,
): Promise<DeleteManyResult> {
  const inXml: string[] = [];
  const alone: string[] = [];
  const invalid: DeleteFailure[] = [];
  for (const key of keys) {
    if (!isValidKey(key)) {
      invalid.push(failure(key, new R2Error('InvalidKey', { operation: 'DeleteObjects', bucket, key })));
    } else {
      (XML_UNSAFE.test(key) ? alone : inXml).push(key);
    }
  }
  const single = await deleteOneByOne(client, bucket, alone, signal);
  const result: DeleteManyResult = { deleted: single.deleted, errors: [...invalid, ...single.errors] };
  if (inXml.length === 0) {
    return result;
  }
  const output = await client.send(
    new (s3().DeleteObjectsCommand)({
      Bucket: bucket,
      Delete: { Objects: inXml.map((key) => ({ Key: key })), Quiet: true },
    }),
    { operation: 'DeleteObjects', bucket },
    signal,
  );
  const failedKeys = new Set<string>();
  for (const entry of output.Errors ?? []) {
    failedKeys.add(entry.Key ?? '');
    result.errors.push(reportedFailure(bucket, entry.Key ?? '', entry.Code));
  }
  // Quiet mode lists only failures: everything else was deleted.
  result.deleted.push(...inXml.filter((key) => !failedKeys.has(key)));
  return result;
}

/** Deletes the given keys in batches of 1000; per-key failures are reported, not thrown. */
export async function deleteObjects(
  client: R2Client,
  input: { bucket: string; keys: readonly string[] },
  signal: AbortSignal,
): Promise<DeleteManyResult> {
  const result: DeleteManyResult = { deleted: [], errors: [] };
  for (let start = 0; start < input.keys.length; start += BATCH_SIZE) {
    const batch = await deleteBatch(client, input.bucket, input.keys.slice(start, start + BATCH_SIZE), signal);
    result.deleted.push(...batch.deleted);
    result.errors.push(...batch.errors);
  }
  return result;
}

/** Deletes every key under the prefix, one listed page at a time: the listing is never held whole. */
export async function deletePrefix(
  client: R2Client,
  input: DeletePrefixInput,
  signal: AbortSignal,
): Promise<DeletePrefixResult> {
  const { bucket, prefix } = input;
  const result: DeletePrefixResult = { deleted: 0, failed: 0, errors: [] };
  let token: string | undefined;
  do {
    const page = await listPage(client, { bucket, prefix, delimiter: '', pageSize: MAX_PAGE_SIZE, token }, signal);
    const batch = await deleteBatch(
      client,
      bucket,
      page.objects.map((object) => object.key),
      signal,
    );
    result.deleted += batch.deleted.length;
    result.failed += batch.errors.length;
    result.errors.push(...batch.errors.slice(0, MAX_REPORTED_FAILURES - result.errors.length));
    input.onProgress?.(result.deleted);
    token = page.nextToken;
  } while (token !== undefined);
  return result;
}
