import { PassThrough, Readable } from 'node:stream';
import { s3 } from './sdk';
import type { HeadObjectCommandOutput, PutObjectCommandInput } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import type { ErrorContext } from './errors';
import { classifyError, createOnlyRefusal, isR2Error, R2Error } from './errors';
import { checkKey, quoteEtag, unquoteEtag } from './keys';
import type { ObjectLocation, ObjectProperties, R2ObjectHead, WriteConditions } from './types';

/** Largest single PUT R2 accepts: 5 GiB − 5 MiB. */
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3 - 5 * 1024 ** 2;

/** Inclusive byte offsets; without `end`, to the end of the object. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface GetObjectInput extends ObjectLocation {
  range?: ByteRange;
  /** Fail with `PreconditionFailed` unless the object still has this etag. */
  ifMatch?: string;
  /** Fail with `NotModified` if the object still has this etag (a cache check). */
  ifNoneMatch?: string;
}

export interface ObjectStream {
  head: R2ObjectHead;
  /** Bytes in `body`: the object's size, or the range's length. */
  contentLength: number;
  body: Readable;
}

export interface PutObjectInput extends ObjectLocation, ObjectProperties, WriteConditions {
  /** A stream is sent once: it cannot be replayed, so the SDK does not retry it. */
  body: Buffer | Uint8Array | string | Readable;
  /** Required for a stream body. */
  contentLength?: number;
}

type HeadFields = Pick<
  HeadObjectCommandOutput,
  | 'ContentLength'
  | 'ETag'
  | 'LastModified'
  | 'StorageClass'
  | 'ContentType'
  | 'CacheControl'
  | 'ContentDisposition'
  | 'ContentEncoding'
  | 'Metadata'
>;

function toHead(key: string, output: HeadFields, size = output.ContentLength ?? 0): R2ObjectHead {
  return {
    key,
    size,
    etag: unquoteEtag(output.ETag),
    lastModified: output.LastModified ?? new Date(0),
    storageClass: output.StorageClass,
    contentType: output.ContentType,
    cacheControl: output.CacheControl,
    contentDisposition: output.ContentDisposition,
    contentEncoding: output.ContentEncoding,
    metadata: output.Metadata ?? {},
  };
}

export function s3Properties(
  properties: ObjectProperties,
): Pick<
  PutObjectCommandInput,
  'ContentType' | 'CacheControl' | 'ContentDisposition' | 'ContentEncoding' | 'Metadata' | 'StorageClass'
> {
  return {
    ContentType: properties.contentType,
    CacheControl: properties.cacheControl,
    ContentDisposition: properties.contentDisposition,
    ContentEncoding: properties.contentEncoding,
    Metadata: properties.metadata,
    StorageClass: properties.storageClass as PutObjectCommandInput['StorageClass'],
  };
}

export function s3Conditions(conditions: WriteConditions): Pick<PutObjectCommandInput, 'IfMatch' | 'IfNoneMatch'> {
  return {
    IfMatch: conditions.ifMatch === undefined ? undefined : quoteEtag(conditions.ifMatch),
    IfNoneMatch: conditions.ifNoneMatch,
  };
}

export async function headObject(
  client: R2Client,
  location: ObjectLocation,
  signal: AbortSignal,
): Promise<R2ObjectHead> {
  const { bucket, key } = location;
  const context = { operation: 'HeadObject', bucket, key };
  checkKey(key, context);
  const output = await client.send(new (s3().HeadObjectCommand)({ Bucket: bucket, Key: key }), context, signal);
  return toHead(key, output);
}

/** `bytes 0-9/1234` → 1234: a ranged response's Content-Length is only the range's. */
export function totalSize(contentRange: string | undefined, contentLength: number): number {
  const total = contentRange === undefined ? undefined : /\/(\d+)$/.exec(contentRange)?.[1];
  return total === undefined ? contentLength : Number(total);
}

export function rangeHeader(range: ByteRange | undefined, context: ErrorContext): string | undefined {
  if (range === undefined) {
    return undefined;
  }
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
    throw new R2Error('InvalidRange', context);
  }
  return `bytes=${start}-${end ?? ''}`;
}

/** Re-emits the body's errors as R2Errors, so that a reset mid-download is classified too. */
function classifiedBody(body: Readable, context: ErrorContext, signal: AbortSignal): Readable {
  const out = new PassThrough();
  // The caller may await something (open a file) before it reads, and the body can fail in that
  // window: without a listener the failure would be an uncaught 'error' event. The destroyed
  // stream keeps it (stream.errored) for pipeline() and readers, which then reject with it.
  out.on('error', () => undefined);
  body.on('error', (err) => out.destroy(classifyError(err, context, signal)));
  out.on('close', () => body.destroy());
  return body.pipe(out);
}

/** The object's head, or undefined when the key does not exist (one HEAD); any other error is thrown. */
export async function headIfExists(
  client: R2Client,
  location: ObjectLocation,
  signal: AbortSignal,
): Promise<R2ObjectHead | undefined> {
  try {
    return await headObject(client, location, signal);
  } catch (err) {
    if (isR2Error(err, 'NoSuchKey')) {
      return undefined;
    }
    throw err;
  }
}

/** Whether a key exists (one HEAD); any error but NoSuchKey is thrown. */
export async function objectExists(client: R2Client, location: ObjectLocation, signal: AbortSignal): Promise<boolean> {
  return (await headIfExists(client, location, signal)) !== undefined;
}

/** Opens the object (or a range of it) as a stream; the caller must consume or destroy `body`. */
export async function getObjectStream(
  client: R2Client,
  input: GetObjectInput,
  signal: AbortSignal,
): Promise<ObjectStream> {
  const { bucket, key } = input;
  const context = { operation: 'GetObject', bucket, key };
  checkKey(key, context);
  const send = (range: ByteRange | undefined) =>
    client.send(
      new (s3().GetObjectCommand)({
        Bucket: bucket,
        Key: key,
        Range: rangeHeader(range, context),
        IfMatch: input.ifMatch === undefined ? undefined : quoteEtag(input.ifMatch),
        IfNoneMatch: input.ifNoneMatch === undefined ? undefined : quoteEtag(input.ifNoneMatch),
      }),
      context,
      signal,
    );
  const output = await send(input.range).catch((err: unknown) => {
    // S3 refuses every range of an empty object (416), even one from byte 0; those bytes are the
    // whole (empty) object, so it is fetched without the range.
    if (input.range?.start === 0 && isR2Error(err, 'InvalidRange')) {
      return send(undefined);
    }
    throw err;
  });
  if (!(output.Body instanceof Readable)) {
    throw new R2Error('Unknown', context, { message: 'The response had no body stream.' });
  }
  const contentLength = output.ContentLength ?? 0;
  return {
    head: toHead(key, output, totalSize(output.ContentRange, contentLength)),
    contentLength,
    body: classifiedBody(output.Body, context, signal),
  };
}

/**
 * Reads the object (or a range) into memory, refusing with `EntityTooLarge` anything over
 * `maxBytes`: decided from Content-Length before any of the body is read.
 */
export async function getObjectBytes(
  client: R2Client,
  input: GetObjectInput & { maxBytes: number },
  signal: AbortSignal,
): Promise<{ head: R2ObjectHead; bytes: Buffer }> {
  const { head, contentLength, body } = await getObjectStream(client, input, signal);
  const tooLarge = () =>
    new R2Error(
      'EntityTooLarge',
      { operation: 'GetObject', bucket: input.bucket, key: input.key },
      {
        message: `"${input.key}" is larger than the ${input.maxBytes} bytes that can be opened here.`,
      },
    );
  if (contentLength > input.maxBytes) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += (chunk as Buffer).length;
    // Content-Length is trusted but checked: a server could send more than it announced.
    if (received > input.maxBytes) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return { head, bytes: Buffer.concat(chunks) };
}

type ConditionFields = Pick<PutObjectCommandInput, 'IfMatch' | 'IfNoneMatch'>;

/**
 * A PutObject's headers as the SDK writes them from the same input (see signedRequest.ts): empty
 * values are sent, an empty or missing type becomes application/octet-stream, metadata names are
 * lower-cased.
 */
function putHeaders(input: PutObjectInput, conditions: ConditionFields): Record<string, string> {
  const properties = s3Properties(input);
  const headers: Record<string, string> = { 'content-type': properties.ContentType || 'application/octet-stream' };
  const optional: Record<string, string | undefined> = {
    'cache-control': properties.CacheControl,
    'content-disposition': properties.ContentDisposition,
    'content-encoding': properties.ContentEncoding,
    'x-amz-storage-class': properties.StorageClass,
    'if-match': conditions.IfMatch,
    'if-none-match': conditions.IfNoneMatch,
  };
  for (const [name, value] of Object.entries(optional)) {
    if (value !== undefined) {
      headers[name] = value;
    }
  }
  for (const [name, value] of Object.entries(properties.Metadata ?? {})) {
    headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  }
  return headers;
}

function bodyBytes(body: Buffer | Uint8Array | string): Buffer {
  if (typeof body === 'string') {
    return Buffer.from(body, 'utf8');
  }
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * One PUT. An in-memory body goes the lean signed way (client.sendInMemory), retried there; a
 * stream goes through the SDK, once (the caller re-opens it to retry).
 */
export async function putObject(
  client: R2Client,
  input: PutObjectInput,
  signal: AbortSignal,
): Promise<{ etag: string }> {
  const { bucket, key, body } = input;
  const context = { operation: 'PutObject', bucket, key };
  checkKey(key, context);
  const length = body instanceof Readable ? input.contentLength : Buffer.byteLength(body);
  if (length === undefined) {
    throw new R2Error('InvalidArgument', context, { message: 'A stream body needs its content length.' });
  }
  if (length > MAX_SINGLE_PUT_BYTES) {
    throw new R2Error('EntityTooLarge', context);
  }
  const send = async (conditions: ConditionFields): Promise<string | undefined> => {
    if (body instanceof Readable) {
      const output = await client.send(
        new (s3().PutObjectCommand)({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: length,
          ...s3Properties(input),
          ...conditions,
        }),
        context,
        signal,
      );
      return output.ETag;
    }
    const request = {
      method: 'PUT' as const,
      bucket,
      key,
      headers: putHeaders(input, conditions),
      body: bodyBytes(body),
    };
    return (await client.sendInMemory('PutObject', request, context, signal)).headers.etag;
  };
  const etag = await send(s3Conditions(input)).catch(async (err: unknown) => {
    if (!(await isUnquotedIfMatchServer(client, input, err, signal))) {
      throw createOnlyRefusal(err, input);
    }
    // Still conditional: if another writer got in since the HEAD, this is refused too.
    return await send({ ...s3Conditions(input), IfMatch: unquoteEtag(input.ifMatch) });
  });
  return { etag: unquoteEtag(etag) };
}

/**
 * Ceph RGW 16 compares a PUT's If-Match with the bare MD5, so the quoted ETag that R2 and S3 expect
 * is refused even when current. A refused If-Match while a HEAD shows exactly the expected ETag is
 * that server (or the key changed back in between): worth one retry with the unquoted form. A
 * stream was consumed by the first attempt and cannot be sent again.
 */
async function isUnquotedIfMatchServer(
  client: R2Client,
  input: PutObjectInput,
  err: unknown,
  signal: AbortSignal,
): Promise<boolean> {
  if (!isR2Error(err, 'PreconditionFailed') || input.ifMatch === undefined || input.body instanceof Readable) {
    return false;
  }
  // A key now gone (NoSuchKey) or a failed look (a flaky network) leaves the refusal as it was.
  const current = await headObject(client, input, signal).catch((headError: unknown) => {
    if (signal.aborted) {
      throw headError;
    }
    return undefined;
  });
  return current?.etag === unquoteEtag(input.ifMatch);
}

/**
 * Deleting a key that does not exist succeeds, as in S3. With `ifMatch`, S3 deletes only that version
 * (412 otherwise); R2 documents no such condition and Ceph RGW 16 ignores it (see moveObject).
 */
export async function deleteObject(
  client: R2Client,
  location: ObjectLocation & { ifMatch?: string },
  signal: AbortSignal,
): Promise<void> {
  const { bucket, key, ifMatch } = location;
  const context = { operation: 'DeleteObject', bucket, key };
  checkKey(key, context);
  // Signed without the SDK (signedRequest.ts): adding an account probes with this, before any browsing.
  const headers: Record<string, string> = ifMatch === undefined ? {} : { 'if-match': quoteEtag(ifMatch) };
  await client.sendInMemory('DeleteObject', { method: 'DELETE', bucket, key, headers }, context, signal);
}
