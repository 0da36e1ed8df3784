// Copies of objects too large for one CopyObject (5 GiB): a multipart upload whose parts are ranges
// of the source, copied server-side (UploadPartCopy) within an account, or streamed through this
// machine (ranged GET → UploadPart) between accounts, `concurrency` parts at a time.
import { s3 } from './sdk';
import type { Readable } from 'node:stream';
import type { R2Client } from './client';
import type { ErrorContext } from './errors';
import { isR2Error, R2Error } from './errors';
import { encodeCopySource, quoteEtag, unquoteEtag } from './keys';
import { choosePartSize, MAX_PART_BYTES, writeInParts } from './multipart';
import type { SendPart } from './multipart';
import { getObjectStream, headObject } from './objects';
import { withRetries } from './retry';
import type { ObjectLocation, R2ObjectHead, WriteConditions } from './types';

const MiB = 1024 ** 2;

/** When and how a copy goes in parts. */
export interface PartCopyOptions {
  /** Sources larger than this many bytes are copied in parts; default 5 GiB, CopyObject's limit. */
  threshold?: number;
  /** Default 128 MiB, raised until the object fits in 10,000 parts. */
  partSize?: number;
  /** Parts copied at once; default 8. */
  concurrency?: number;
}

export const PART_COPY_DEFAULTS = {
  threshold: MAX_PART_BYTES,
  partSize: 128 * MiB,
  concurrency: 8,
} as const;

/** A copy of one version of an object, under the destination's write conditions. */
export interface PartCopyInput {
  source: ObjectLocation;
  destination: ObjectLocation;
  /** The source version to copy; the one found first when omitted. */
  sourceIfMatch?: string;
  conditions: WriteConditions;
  /** The destination's storage class; the source's when omitted. */
  storageClass?: string;
}

/** Whether a source of `size` bytes needs a copy in parts. */
export function needsPartCopy(size: number | undefined, options: PartCopyOptions = {}): boolean {
  return size !== undefined && size > (options.threshold ?? PART_COPY_DEFAULTS.threshold);
}

function sourceChanged(source: ObjectLocation, cause?: R2Error): R2Error {
  return new R2Error('SourceChanged', { operation: 'CopyObject', ...source }, { status: cause?.status, cause });
}

/** The source's head, refused as SourceChanged unless it still is the version named. */
async function sourceHead(client: R2Client, input: PartCopyInput, signal: AbortSignal): Promise<R2ObjectHead> {
  const head = await headObject(client, input.source, signal);
  if (input.sourceIfMatch !== undefined && head.etag !== unquoteEtag(input.sourceIfMatch)) {
    throw sourceChanged(input.source);
  }
  return head;
}

/**
 * Copies in equal parts (but the last) into a new multipart upload with the source's system and
 * user metadata, each part bound to the source's ETag, so that a source replaced midway fails the
 * copy (SourceChanged) rather than mixing two versions. A copy onto the source itself (a storage
 * class change) completes only while the object still is that version.
 */
async function copyByParts(
  client: R2Client,
  input: PartCopyInput & { head: R2ObjectHead; ontoItself: boolean },
  options: PartCopyOptions,
  signal: AbortSignal,
  partSender: (partSize: number) => SendPart,
  partContext: ErrorContext,
): Promise<{ etag: string }> {
  const { source, destination, head, ontoItself } = input;
  const partSize = choosePartSize(head.size, options.partSize ?? PART_COPY_DEFAULTS.partSize);
  const conditions = ontoItself ? { ...input.conditions, ifMatch: head.etag } : input.conditions;
  const { contentType, cacheControl, contentDisposition, contentEncoding, metadata } = head;
  try {
    return await writeInParts(
      client,
      {
        ...destination,
        properties: {
          contentType,
          cacheControl,
          contentDisposition,
          contentEncoding,
          metadata,
          storageClass: input.storageClass ?? head.storageClass,
        },
        conditions,
        partCount: Math.max(1, Math.ceil(head.size / partSize)),
        concurrency: options.concurrency ?? PART_COPY_DEFAULTS.concurrency,
        partContext,
      },
      partSender(partSize),
      signal,
    );
  } catch (err) {
    throw ontoItself && isR2Error(err, 'PreconditionFailed') ? sourceChanged(source, err) : err;
  }
}

/** The bytes of part `part`: [start, end], inclusive. */
function partRange(part: number, partSize: number, size: number): { start: number; end: number } {
  const start = part * partSize;
  return { start, end: Math.min(size, start + partSize) - 1 };
}

/** A server-side copy in parts (UploadPartCopy), within one account: no byte passes through here. */
export async function copyInParts(
  client: R2Client,
  input: PartCopyInput,
  options: PartCopyOptions,
  signal: AbortSignal,
): Promise<{ etag: string }> {
  const { source, destination } = input;
  const context = { operation: 'UploadPartCopy', ...destination };
  const head = await sourceHead(client, input, signal);
  const ontoItself = source.bucket === destination.bucket && source.key === destination.key;
  return await copyByParts(
    client,
    { ...input, head, ontoItself },
    options,
    signal,
    (partSize) => async (part, uploadId, partSignal) => {
      const { start, end } = partRange(part, partSize, head.size);
      try {
        const output = await client.send(
          new (s3().UploadPartCopyCommand)({
            Bucket: destination.bucket,
            Key: destination.key,
            UploadId: uploadId,
            PartNumber: part + 1,
            CopySource: encodeCopySource(source.bucket, source.key),
            CopySourceRange: `bytes=${start}-${end}`,
            CopySourceIfMatch: quoteEtag(head.etag),
          }),
          context,
          partSignal,
        );
        return output.CopyPartResult?.ETag;
      } catch (err) {
        throw isR2Error(err, 'PreconditionFailed') ? sourceChanged(source, err) : err;
      }
    },
    context,
  );
}

/**
 * Sends `body` with `send`; a failure of the body (the source's connection reset) aborts the send
 * and is what is thrown. The SDK pipes a body without watching it for errors: unwatched, a reset
 * would be an unhandled 'error' and leave the request waiting for bytes until its idle timeout.
 * The body is destroyed however the send ends (a request refused before reading it would otherwise
 * leave the source response unread, holding its connection).
 */
export async function sendStreamedBody<T>(
  body: Readable,
  signal: AbortSignal,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const bodyFailed = new AbortController();
  let bodyError: unknown;
  body.once('error', (error) => {
    bodyError = error;
    bodyFailed.abort();
  });
  try {
    return await send(AbortSignal.any([signal, bodyFailed.signal]));
  } catch (error) {
    throw signal.aborted ? error : (bodyError ?? error);
  } finally {
    body.destroy();
  }
}

/**
 * A copy in parts between two clients (two accounts): each part a ranged GET of the source, bound
 * to its ETag, streamed into an UploadPart; a failed part is fetched and sent again.
 */
export async function streamCopyInParts(
  sourceClient: R2Client,
  targetClient: R2Client,
  input: PartCopyInput,
  options: PartCopyOptions,
  signal: AbortSignal,
): Promise<{ etag: string }> {
  const { source, destination } = input;
  const context = { operation: 'UploadPart', ...destination };
  const head = await sourceHead(sourceClient, input, signal);
  return await copyByParts(
    targetClient,
    // Another account's bucket, even under the same names.
    { ...input, head, ontoItself: false },
    options,
    signal,
    (partSize) => async (part, uploadId, partSignal) => {
      const { start, end } = partRange(part, partSize, head.size);
      const output = await withRetries(targetClient.maxAttempts, context, partSignal, async () => {
        const { body, contentLength } = await getObjectStream(
          sourceClient,
          { ...source, range: { start, end }, ifMatch: head.etag },
          partSignal,
        ).catch((err: unknown) => {
          throw isR2Error(err, 'PreconditionFailed') ? sourceChanged(source, err) : err;
        });
        return await sendStreamedBody(body, partSignal, (sendSignal) =>
          targetClient.send(
            new (s3().UploadPartCommand)({
              Bucket: destination.bucket,
              Key: destination.key,
              UploadId: uploadId,
              PartNumber: part + 1,
              ContentLength: contentLength,
              Body: body,
            }),
            context,
            sendSignal,
          ),
        );
      });
      return output.ETag;
    },
    context,
  );
}
