// PutObject, GetObject, HeadObject, CopyObject, DeleteObject, DeleteObjects.
import type { OutgoingHttpHeaders } from 'node:http';
import { S3Error } from '../errors';
import { MAX_COPY_SOURCE_SIZE, MAX_ITEMS_PER_CALL, MAX_PUT_SIZE } from '../limits';
import type { ObjectMetadata, ObjectRecord } from '../store';
import { childrenNamed, childText, el } from '../xml';
import { noSuchKey, resolveCopySource } from './copySource';
import {
  checkWrite,
  checkWriteAsRgw,
  conditionsFrom,
  evaluateRead,
  mergedMetadata,
  metadataFrom,
  objectHeaders,
  preconditionFailed,
  rejectUnsupportedHeaders,
  storageClassFrom,
} from './objectMeta';
import type { HandlerArgs } from './types';

/** Content-Length is required (no chunked uploads) and checked before a byte of the body is read. */
export function requireContentLength(args: HandlerArgs, max: number): number {
  const length = args.ctx.contentLength();
  if (length === undefined || Number.isNaN(length)) {
    throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }
  if (length > max) {
    throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', {
      ProposedSize: String(length),
      MaxSizeAllowed: String(max),
    });
  }
  return length;
}

/** Records an object whose blobs are stored, freeing them if the write is refused. */
function commit(args: HandlerArgs, record: ObjectRecord, check = checkWrite): void {
  try {
    args.store.putObject(args.bucket, record, (current) => check(current, conditionsFrom(args.ctx)));
  } catch (error) {
    args.store.blobs.discard(record.segments);
    throw error;
  }
}

export async function putObject(args: HandlerArgs): Promise<void> {
  const { ctx, store, bucket, key } = args;
  requireContentLength(args, MAX_PUT_SIZE);
  store.bucket(bucket);
  rejectUnsupportedHeaders(ctx);
  const meta = metadataFrom(ctx);
  const { blob, path } = store.blobs.create();
  const digest = await ctx.receiveToFile(path);
  const etag = digest.md5.toString('hex');
  const record = {
    key,
    size: digest.size,
    etag,
    lastModified: Date.now(),
    segments: [{ blob, size: digest.size }],
    meta,
  };
  commit(args, record, ctx.faults.rgwIfMatch ? checkWriteAsRgw : checkWrite);
  await ctx.send(200, { etag: `"${etag}"`, 'content-length': 0 });
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/** A single `bytes=` range; other forms are ignored (whole object), as RFC 9110 allows. */
function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) {
    return undefined;
  }
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) {
    return undefined;
  }
  return start >= size ? 'unsatisfiable' : { start, end };
}

async function getOrHead(args: HandlerArgs): Promise<void> {
  const { ctx, store, bucket, key } = args;
  const record = store.object(bucket, key);
  if (!record) {
    throw noSuchKey(key);
  }
  const failure = evaluateRead(record, conditionsFrom(ctx));
  if (failure?.notModified) {
    await ctx.send(304, { etag: `"${record.etag}"`, 'last-modified': new Date(record.lastModified).toUTCString() });
    return;
  }
  if (failure) {
    throw preconditionFailed(failure.condition);
  }
  const range = parseRange(ctx.header('range'), record.size);
  if (range === 'unsatisfiable') {
    throw new S3Error('InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: ctx.header('range') ?? '',
      ActualObjectSize: String(record.size),
    });
  }
  const { start, end } = range ?? { start: 0, end: record.size - 1 };
  const length = end - start + 1;
  const headers: OutgoingHttpHeaders = { ...objectHeaders(record, ctx), 'content-length': length };
  if (range) {
    headers['content-range'] = `bytes ${start}-${end}/${record.size}`;
  }
  const status = range ? 206 : 200;
  if (ctx.method === 'HEAD' || length === 0) {
    await ctx.send(status, headers);
    return;
  }
  // Pinned: an overwrite or delete while the body streams must not remove the blobs under it.
  const release = store.blobs.pin(record.segments);
  try {
    await ctx.send(status, headers, store.blobs.openRange(record.segments, start, end), length);
  } finally {
    release();
  }
}

export const getObject = getOrHead;
export const headObject = getOrHead;

function copiedMetadata(args: HandlerArgs, source: ObjectMetadata): ObjectMetadata {
  const directive = args.ctx.header('x-amz-metadata-directive') ?? 'COPY';
  const storageClass = storageClassFrom(args.ctx);
  switch (directive) {
    case 'COPY':
      return { ...source, storageClass: storageClass ?? source.storageClass };
    case 'REPLACE':
      return metadataFrom(args.ctx);
    case 'MERGE':
      // R2's extension: the headers given replace their fields, everything else is kept.
      return mergedMetadata(args.ctx, source);
    default:
      throw new S3Error('InvalidArgument', `Unknown metadata directive "${directive}": use COPY, REPLACE or MERGE.`);
  }
}

export async function copyObject(args: HandlerArgs): Promise<void> {
  const { ctx, store, bucket, key } = args;
  rejectUnsupportedHeaders(ctx);
  store.bucket(bucket);
  const source = resolveCopySource(args);
  if (source.record.size > MAX_COPY_SOURCE_SIZE) {
    throw new S3Error(
      'InvalidRequest',
      `The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_COPY_SOURCE_SIZE}`,
    );
  }
  const meta = copiedMetadata(args, source.record.meta);
  if (
    source.bucket === bucket &&
    source.record.key === key &&
    (ctx.header('x-amz-metadata-directive') ?? 'COPY') === 'COPY' &&
    meta.storageClass === source.record.meta.storageClass
  ) {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const release = store.blobs.pin(source.record.segments);
  let segments;
  try {
    segments = await store.blobs.duplicate(source.record.segments);
  } finally {
    release();
  }
  const record: ObjectRecord = {
    key,
    size: source.record.size,
    etag: source.record.etag,
    lastModified: Date.now(),
    segments,
    meta,
  };
  // S3's If-Match / If-None-Match on CopyObject, and R2's own cf-copy-destination-* (beta) extension.
  commit(args, record, (current, conditions) => {
    checkWrite(current, conditions);
    checkWrite(current, conditionsFrom(ctx, 'cf-copy-destination-'));
  });
  await ctx.sendXml(
    200,
    el('CopyObjectResult', [
      el('LastModified', new Date(record.lastModified).toISOString()),
      el('ETag', `"${record.etag}"`),
    ]),
  );
}

/**
 * S3's conditional delete: with If-Match, only that version is deleted (412 otherwise; a missing key
 * still answers 204). R2 does not document it; it is honoured here so that clients sending it are tested.
 */
export async function deleteObject({ ctx, store, bucket, key }: HandlerArgs): Promise<void> {
  const current = store.object(bucket, key);
  if (current) {
    checkWrite(current, { ifMatch: ctx.header('if-match') });
  }
  store.deleteObject(bucket, key);
  await ctx.send(204, {});
}

export async function deleteObjects({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  if (!ctx.hasBodyChecksum()) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: Content-MD5 or x-amz-checksum-*');
  }
  store.bucket(bucket);
  const xml = await ctx.receiveXml();
  const objects = childrenNamed(xml, 'Object');
  const keys = objects.map((o) => childText(o, 'Key'));
  if (
    xml.name !== 'Delete' ||
    keys.length === 0 ||
    keys.length > MAX_ITEMS_PER_CALL ||
    keys.some((k) => k === undefined)
  ) {
    throw new S3Error(
      'MalformedXML',
      `The XML you provided was not well-formed or did not validate against our published schema (a Delete with 1 to ${MAX_ITEMS_PER_CALL} Object elements, each with a Key).`,
    );
  }
  const quiet = childText(xml, 'Quiet')?.trim() === 'true';
  const results = (keys as string[]).map((key) => {
    if (ctx.auth?.credential.readOnly) {
      return el('Error', [el('Key', key), el('Code', 'AccessDenied'), el('Message', 'Access Denied')]);
    }
    store.deleteObject(bucket, key);
    return quiet ? undefined : el('Deleted', [el('Key', key)]);
  });
  await ctx.sendXml(200, el('DeleteResult', results));
}
