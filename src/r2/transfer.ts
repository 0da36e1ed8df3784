import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { close, createReadStream, fstat, open, read } from 'node:fs';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { R2Client } from './client';
import type { ErrorContext } from './errors';
import { classifyError, R2Error } from './errors';
import { sendFileRange } from './fileStreams';
import { checkKey } from './keys';
import { choosePartSize, MAX_OBJECT_BYTES, MAX_PART_BYTES, MIN_PART_BYTES, uploadFileInParts } from './multipart';
import { MAX_SINGLE_PUT_BYTES, putObject } from './objects';
import { withRetries } from './retry';
import type { ObjectLocation, ObjectProperties, ProgressCallback, R2ObjectHead, WriteConditions } from './types';

const MiB = 1024 ** 2;

/**
 * Up to 32 MiB a file goes in one PUT: one request (one Class A operation) and no parts to clean up.
 * Above it, parts sent several at a time are faster on long links, and a failure re-sends one part
 * rather than the whole file. 16 MiB × 8 in flight: on a link of 30 ms and 50 MB/s per connection
 * (the bench's link profile) 1 GiB took 6.1 s, against 8.1 s at 8 MiB × 4 and 6.6 s at 8 MiB × 8
 * (`BENCH_CASES=curve`); and 16 MiB parts are half the Class A operations of 8 MiB ones.
 */
export const UPLOAD_DEFAULTS = {
  multipartThreshold: 32 * MiB,
  partSize: 16 * MiB,
  concurrency: 8,
} as const;

export interface UploadFileInput extends ObjectLocation, ObjectProperties, WriteConditions {
  filePath: string;
  onProgress?: ProgressCallback;
  /** Files larger than this are uploaded in parts. At most 5 GiB − 5 MiB. */
  multipartThreshold?: number;
  /** 5 MiB to 5 GiB; raised automatically for files that would need over 10,000 parts. */
  partSize?: number;
  /** Parts in flight at once. */
  concurrency?: number;
}

export function checkSetting(name: string, value: number, min: number, max: number, context: ErrorContext): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new R2Error('InvalidArgument', context, { message: `${name} must be an integer from ${min} to ${max}.` });
  }
  return value;
}

/** Size and modification time: compared before and after reading a file to catch it being written meanwhile. */
interface FileVersion {
  size: number;
  mtimeMs: number;
}

function fileVersion(stats: Stats, filePath: string, context: ErrorContext): FileVersion {
  if (!stats.isFile()) {
    throw new R2Error('FileSystem', context, { message: `${filePath} is not a file.` });
  }
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function regularFileVersion(filePath: string, context: ErrorContext): Promise<FileVersion> {
  const stats = await stat(filePath).catch((err: unknown) => {
    throw classifyError(err, context);
  });
  return fileVersion(stats, filePath, context);
}

/**
 * node:fs's callback API as promises. For the small files of a folder upload these cost about a third
 * less CPU than fs/promises' FileHandle, whose every call goes through more machinery.
 */
const openFile = promisify(open);
const readInto = promisify(read);
const fstatFile = promisify(fstat);
const closeFile = promisify(close);

/** `size` bytes from the start of the file, or undefined if it ends sooner (it was cut short meanwhile). */
async function readFully(fd: number, size: number): Promise<Buffer | undefined> {
  const bytes = Buffer.allocUnsafe(size);
  for (let filled = 0; filled < size;) {
    const { bytesRead } = await readInto(fd, bytes, filled, size - filled, filled);
    if (bytesRead === 0) {
      return undefined;
    }
    filled += bytesRead;
  }
  return bytes;
}

/**
 * The file's version and, when it is at most `inMemoryLimit` bytes, its contents, read through one
 * descriptor and checked unchanged right after: the bytes sent are then one version (nothing to
 * remove afterwards), in a body the SDK retries by itself. For the small files of a folder upload,
 * that is five file-system calls per file (open, stat, read, stat, close) and no stream pipeline.
 */
async function readVersion(
  filePath: string,
  inMemoryLimit: number,
  context: ErrorContext,
): Promise<{ version: FileVersion; bytes?: Buffer }> {
  try {
    const fd = await openFile(filePath, 'r');
    try {
      return await readOpenFile(fd, filePath, inMemoryLimit, context);
    } finally {
      await closeFile(fd);
    }
  } catch (err) {
    throw classifyError(err, context);
  }
}

async function readOpenFile(
  fd: number,
  filePath: string,
  inMemoryLimit: number,
  context: ErrorContext,
): Promise<{ version: FileVersion; bytes?: Buffer }> {
  const currentVersion = async () => fileVersion(await fstatFile(fd), filePath, context);
  const version = await currentVersion();
  if (version.size > inMemoryLimit) {
    return { version };
  }
  const bytes = await readFully(fd, version.size);
  if (bytes === undefined || !sameVersion(await currentVersion(), version)) {
    throw new R2Error('FileChanged', context);
  }
  return { version, bytes };
}

/**
 * Fails with FileChanged when the file is no longer the version measured before the upload. Called
 * before the write becomes visible (before the last bytes of a PUT, before CompleteMultipartUpload),
 * so that a change leaves the key holding what it held: a whole earlier version, never a mix of two
 * and never nothing.
 */
async function checkUnchanged(filePath: string, before: FileVersion, context: ErrorContext): Promise<void> {
  if (!sameVersion(await regularFileVersion(filePath, context), before)) {
    throw new R2Error('FileChanged', context);
  }
}

/**
 * Up to this size a file is read into memory before its PUT (see readVersion): per-file costs are
 * what a folder of small files is made of, and memory stays at this much per file in flight.
 */
const IN_MEMORY_BYTES = MiB;

/** Uploads a file of any size: one PUT up to the threshold (from memory for small files, else streamed), multipart above it. */
export async function uploadFile(
  client: R2Client,
  input: UploadFileInput,
  signal: AbortSignal,
): Promise<{ etag: string; size: number }> {
  const { bucket, key, filePath, onProgress } = input;
  const context = { operation: 'UploadFile', bucket, key, filePath };
  checkKey(key, context);
  const threshold = checkSetting(
    'multipartThreshold',
    input.multipartThreshold ?? UPLOAD_DEFAULTS.multipartThreshold,
    0,
    MAX_SINGLE_PUT_BYTES,
    context,
  );
  const partSize = checkSetting(
    'partSize',
    input.partSize ?? UPLOAD_DEFAULTS.partSize,
    MIN_PART_BYTES,
    MAX_PART_BYTES,
    context,
  );
  const concurrency = checkSetting('concurrency', input.concurrency ?? UPLOAD_DEFAULTS.concurrency, 1, 64, context);
  const { version, bytes } = await readVersion(filePath, Math.min(IN_MEMORY_BYTES, threshold), context);
  const { size } = version;
  if (size > MAX_OBJECT_BYTES) {
    throw new R2Error('EntityTooLarge', context, {
      message: `${filePath} is larger than the 5 TiB − 5 GiB an object can hold.`,
    });
  }
  const properties: ObjectProperties = {
    contentType: input.contentType,
    cacheControl: input.cacheControl,
    contentDisposition: input.contentDisposition,
    contentEncoding: input.contentEncoding,
    metadata: input.metadata,
  };
  const conditions: WriteConditions = { ifMatch: input.ifMatch, ifNoneMatch: input.ifNoneMatch };

  if (bytes !== undefined) {
    const { etag } = await putObject(client, { bucket, key, body: bytes, ...properties, ...conditions }, signal);
    onProgress?.(size, size);
    return { etag, size };
  }

  if (size > threshold) {
    const plan = {
      bucket,
      key,
      filePath,
      size,
      partSize: choosePartSize(size, partSize),
      concurrency,
      properties,
      conditions,
      onProgress,
      beforeComplete: () => checkUnchanged(filePath, version, context),
    };
    const { etag } = await uploadFileInParts(client, plan, signal);
    return { etag, size };
  }
  const { etag } = await withRetries(client.maxAttempts, context, signal, async () => {
    let sent = 0;
    const onBytes = (bytes: number) => {
      sent += bytes;
      onProgress?.(sent, size);
    };
    const range = { start: 0, length: size, beforeEnd: () => checkUnchanged(filePath, version, context) };
    return await sendFileRange(filePath, range, onBytes, context, signal, (body, attemptSignal) =>
      putObject(client, { bucket, key, body, contentLength: size, ...properties, ...conditions }, attemptSignal),
    );
  });
  return { etag, size };
}

/**
 * Whether the object (as its HEAD describes it) already holds exactly the file's bytes (and
 * Content-Type, when given), by its ETag (the MD5 of a single-PUT object). An upload retried after a
 * dropped connection often finds its own first attempt stored: that is no conflict to ask about.
 * Multipart ETags (`md5-of-md5s-N`) depend on the part size used, so they never match here and the
 * caller asks as for any other existing object.
 */
export async function objectMatchesFile(
  head: R2ObjectHead,
  file: { path: string; contentType?: string },
  signal: AbortSignal,
): Promise<boolean> {
  const context = { operation: 'CompareWithFile', key: head.key };
  const comparable =
    /^[0-9a-f]{32}$/.test(head.etag) && (file.contentType === undefined || head.contentType === file.contentType);
  if (!comparable || head.size !== (await regularFileVersion(file.path, context)).size) {
    return false;
  }
  return (await fileMd5(file.path, signal)) === head.etag;
}

/** The MD5 of a file's bytes, in hex: what a single-PUT object's ETag is. */
export async function fileMd5(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  try {
    for await (const chunk of createReadStream(path, { signal })) {
      hash.update(chunk as Buffer);
    }
  } catch (err) {
    throw classifyError(err, { operation: 'HashFile', filePath: path }, signal);
  }
  return hash.digest('hex');
}
