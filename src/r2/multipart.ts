// Multipart upload of a file, written here rather than with lib-storage's Upload: R2 needs equal-sized
// parts, conditional writes must reach CompleteMultipartUpload, and a cancelled or failed upload must
// leave no parts behind.
import { s3 } from './sdk';
import type { CompletedPart } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import { DEADLINE_MS } from './deadline';
import type { ErrorContext } from './errors';
import { classifyError, createOnlyRefusal, isR2Error, R2Error } from './errors';
import { sendFileRange } from './fileStreams';
import { abortIncompleteUpload } from './incompleteUploads';
import { unquoteEtag } from './keys';
import { headObject, s3Conditions, s3Properties } from './objects';
import { runPool } from './pool';
import { withRetries } from './retry';
import type { ObjectLocation, ObjectProperties, ProgressCallback, WriteConditions } from './types';

const MiB = 1024 ** 2;
export const MIN_PART_BYTES = 5 * MiB;
export const MAX_PART_BYTES = 5 * 1024 ** 3;
export const MAX_PARTS = 10_000;
/** Largest object R2 stores: 5 TiB − 5 GiB. */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 4 - 5 * 1024 ** 3;

export interface MultipartUploadPlan extends ObjectLocation {
  filePath: string;
  size: number;
  /** From choosePartSize(). */
  partSize: number;
  concurrency: number;
  properties: ObjectProperties;
  conditions: WriteConditions;
  onProgress?: ProgressCallback;
  /** Runs once every part is stored, before CompleteMultipartUpload; a failure aborts the upload instead. */
  beforeComplete?: () => Promise<void>;
}

/** The configured part size, raised (in whole MiB) until the file fits in 10,000 parts. */
export function choosePartSize(size: number, configured: number): number {
  return Math.max(configured, Math.ceil(size / MAX_PARTS / MiB) * MiB);
}

/** Sums bytes sent per part, so that a retried part takes back what its failed attempt counted. */
class PartProgress {
  readonly #perPart: number[];
  readonly #size: number;
  readonly #onProgress: ProgressCallback | undefined;
  #total = 0;

  constructor(partCount: number, size: number, onProgress: ProgressCallback | undefined) {
    this.#perPart = new Array<number>(partCount).fill(0);
    this.#size = size;
    this.#onProgress = onProgress;
  }

  add(part: number, bytes: number): void {
    this.#perPart[part] += bytes;
    this.#total += bytes;
    this.#onProgress?.(this.#total, this.#size);
  }

  restart(part: number): void {
    this.#total -= this.#perPart[part];
    this.#perPart[part] = 0;
  }
}

/**
 * CompleteMultipartUpload checks the conditions atomically; checking them first too saves sending
 * gigabytes that would then be refused.
 */
async function checkConditionsEarly(
  client: R2Client,
  plan: ObjectLocation & { conditions: WriteConditions },
  context: ErrorContext,
  signal: AbortSignal,
): Promise<void> {
  const { ifMatch, ifNoneMatch } = plan.conditions;
  if (ifMatch === undefined && ifNoneMatch === undefined) {
    return;
  }
  const current = await headObject(client, plan, signal).catch((err: unknown) => {
    if (isR2Error(err, 'NoSuchKey')) {
      return undefined;
    }
    throw err;
  });
  if (ifNoneMatch === '*' && current !== undefined) {
    throw new R2Error('AlreadyExists', context);
  }
  if (ifMatch !== undefined && current?.etag !== unquoteEtag(ifMatch)) {
    throw new R2Error('PreconditionFailed', context);
  }
}

/** Sends the file's parts: each a range of it, re-read from the file when its attempt is retried. */
function filePartSender(client: R2Client, plan: MultipartUploadPlan): SendPart {
  const { bucket, key, filePath, size, partSize } = plan;
  const progress = new PartProgress(Math.max(1, Math.ceil(size / partSize)), size, plan.onProgress);
  const context = { operation: 'UploadPart', bucket, key, filePath };
  return async (part, uploadId, partSignal) => {
    const start = part * partSize;
    const length = Math.min(partSize, size - start);
    const output = await withRetries(client.maxAttempts, context, partSignal, async () => {
      progress.restart(part);
      return await sendFileRange(
        filePath,
        { start, length },
        (bytes) => progress.add(part, bytes),
        context,
        partSignal,
        (body, attemptSignal) =>
          client.send(
            new (s3().UploadPartCommand)({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              PartNumber: part + 1,
              ContentLength: length,
              Body: body,
            }),
            context,
            attemptSignal,
          ),
      );
    });
    return output.ETag;
  };
}

/**
 * Parts of an unfinished upload are stored (and billed) until aborted. A failed abort is not thrown
 * over the original error (nor over a cancellation): it goes to the client's onAbortFailed, so the
 * user can be told that parts are left and how to remove them.
 */
async function abortUpload(client: R2Client, { bucket, key }: ObjectLocation, uploadId: string): Promise<void> {
  try {
    await abortIncompleteUpload(client, { bucket, key, uploadId }, AbortSignal.timeout(DEADLINE_MS.uploadBookkeeping));
  } catch (err) {
    client.onAbortFailed?.({
      bucket,
      key,
      uploadId,
      error: classifyError(err, { operation: 'AbortMultipartUpload', bucket, key }),
    });
  }
}

/** A multipart write: where, with what, under which conditions, in how many parts. */
export interface PartsPlan extends ObjectLocation {
  properties: ObjectProperties;
  conditions: WriteConditions;
  partCount: number;
  concurrency: number;
  /** How a failed part is named in errors (e.g. UploadPart, UploadPartCopy). */
  partContext: ErrorContext;
  /** Runs once every part is stored, before CompleteMultipartUpload; a failure aborts the upload instead. */
  beforeComplete?: () => Promise<void>;
}

/** Stores part `part` (0-based) of upload `uploadId`; resolves to the part's ETag. */
export type SendPart = (part: number, uploadId: string, signal: AbortSignal) => Promise<string | undefined>;

/**
 * Creates a multipart upload, sends its parts `concurrency` at a time and completes it under the
 * write conditions (checked first too); aborts the upload on failure or cancellation.
 */
export async function writeInParts(
  client: R2Client,
  plan: PartsPlan,
  sendPart: SendPart,
  signal: AbortSignal,
): Promise<{ etag: string }> {
  const { bucket, key } = plan;
  const context = { operation: 'CreateMultipartUpload', bucket, key };
  await checkConditionsEarly(client, plan, context, signal);
  const created = await client.send(
    new (s3().CreateMultipartUploadCommand)({ Bucket: bucket, Key: key, ...s3Properties(plan.properties) }),
    context,
    AbortSignal.timeout(DEADLINE_MS.uploadBookkeeping),
  );
  const uploadId = created.UploadId;
  if (!uploadId) {
    // No ID to send parts to or to abort with: requests with an empty one would only fail later.
    throw new R2Error('ServerError', context, {
      message: `The server answered CreateMultipartUpload for "${key}" in bucket "${bucket}" with no upload ID.`,
    });
  }
  let etag: string;
  try {
    const parts: CompletedPart[] = [];
    await runPool(plan.partCount, plan.concurrency, plan.partContext, signal, async (part, partSignal) => {
      parts[part] = { PartNumber: part + 1, ETag: await sendPart(part, uploadId, partSignal) };
    });
    await plan.beforeComplete?.();
    const completed = await client.send(
      new (s3().CompleteMultipartUploadCommand)({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
        ...s3Conditions(plan.conditions),
      }),
      { operation: 'CompleteMultipartUpload', bucket, key },
      signal,
    );
    etag = unquoteEtag(completed.ETag);
  } catch (err) {
    await abortUpload(client, plan, uploadId);
    throw createOnlyRefusal(err, plan.conditions);
  }
  // RGW 16 completes with an empty ETag element; only then is the etag looked up separately.
  return { etag: etag !== '' ? etag : (await headObject(client, plan, signal)).etag };
}

/** Uploads the file in equal parts (but the last), `concurrency` at a time; aborts the upload on failure. */
export async function uploadFileInParts(
  client: R2Client,
  plan: MultipartUploadPlan,
  signal: AbortSignal,
): Promise<{ etag: string }> {
  const { bucket, key, filePath, size, partSize } = plan;
  return await writeInParts(
    client,
    {
      ...plan,
      partCount: Math.max(1, Math.ceil(size / partSize)),
      partContext: { operation: 'UploadPart', bucket, key, filePath },
    },
    filePartSender(client, plan),
    signal,
  );
}
