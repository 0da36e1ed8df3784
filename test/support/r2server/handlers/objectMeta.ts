// Object metadata in and out of HTTP headers, and the conditional-request rules S3 applies.
import type { OutgoingHttpHeaders } from 'node:http';
import type { RequestContext } from '../context';
import { S3Error } from '../errors';
import type { ObjectMetadata, ObjectRecord, StorageClass } from '../store';

const STORAGE_CLASSES: readonly StorageClass[] = ['STANDARD', 'STANDARD_IA'];
const USER_META = 'x-amz-meta-';

/** Features R2 has, or S3 has, that this server does not: refused rather than silently dropped. */
const UNSUPPORTED_HEADERS = /^x-amz-(server-side-encryption|tagging|object-lock-|website-redirect-location)/;

export function rejectUnsupportedHeaders(ctx: RequestContext): void {
  const found = Object.keys(ctx.req.headers).find((h) => UNSUPPORTED_HEADERS.test(h));
  if (found) {
    throw new S3Error('NotImplemented', `Header '${found}' is not implemented by this server.`);
  }
}

export function storageClassFrom(ctx: RequestContext): StorageClass | undefined {
  const value = ctx.header('x-amz-storage-class');
  if (value !== undefined && !STORAGE_CLASSES.includes(value as StorageClass)) {
    throw new S3Error('InvalidStorageClass', 'The storage class you specified is not valid.', {
      StorageClassRequested: value,
    });
  }
  return value as StorageClass | undefined;
}

function userMetadataFrom(ctx: RequestContext): Record<string, string> {
  return Object.fromEntries(
    ctx.headersWithPrefix(USER_META).map(([name, value]) => [name.slice(USER_META.length), value]),
  );
}

/** The metadata fields a request sets explicitly. */
function explicitMetadata(ctx: RequestContext): Partial<ObjectMetadata> {
  const fields: Partial<ObjectMetadata> = {
    contentType: ctx.header('content-type'),
    cacheControl: ctx.header('cache-control'),
    contentDisposition: ctx.header('content-disposition'),
    contentEncoding: ctx.header('content-encoding'),
    contentLanguage: ctx.header('content-language'),
    expires: ctx.header('expires'),
    storageClass: storageClassFrom(ctx),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Metadata of a new object from a PutObject, CreateMultipartUpload or CopyObject (REPLACE) request. */
export function metadataFrom(ctx: RequestContext): ObjectMetadata {
  return {
    contentType: 'application/octet-stream',
    storageClass: 'STANDARD',
    ...explicitMetadata(ctx),
    user: userMetadataFrom(ctx),
  };
}

/** R2's MERGE copy directive: fields and user metadata the request gives override the source's. */
export function mergedMetadata(ctx: RequestContext, source: ObjectMetadata): ObjectMetadata {
  return { ...source, ...explicitMetadata(ctx), user: { ...source.user, ...userMetadataFrom(ctx) } };
}

/** Headers describing an object on GET and HEAD; `response-*` query parameters override some. */
export function objectHeaders(record: ObjectRecord, ctx: RequestContext): OutgoingHttpHeaders {
  const m = record.meta;
  const override = (name: string, value: string | undefined): string | undefined =>
    ctx.method === 'GET' ? (ctx.param(`response-${name}`) ?? value) : value;
  const headers: OutgoingHttpHeaders = {
    etag: `"${record.etag}"`,
    'last-modified': new Date(record.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'content-type': override('content-type', m.contentType),
    'cache-control': override('cache-control', m.cacheControl),
    'content-disposition': override('content-disposition', m.contentDisposition),
    'content-encoding': override('content-encoding', m.contentEncoding),
    'content-language': override('content-language', m.contentLanguage),
    expires: override('expires', m.expires),
    // S3 omits the header for STANDARD; clients must treat its absence as STANDARD.
    'x-amz-storage-class': m.storageClass === 'STANDARD' ? undefined : m.storageClass,
  };
  for (const [name, value] of Object.entries(m.user)) {
    headers[USER_META + name] = value;
  }
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined));
}

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** The four conditional headers, optionally with a prefix (`x-amz-copy-source-`). */
export function conditionsFrom(ctx: RequestContext, prefix = ''): Conditions {
  return {
    ifMatch: ctx.header(`${prefix}if-match`),
    ifNoneMatch: ctx.header(`${prefix}if-none-match`),
    ifModifiedSince: ctx.header(`${prefix}if-modified-since`),
    ifUnmodifiedSince: ctx.header(`${prefix}if-unmodified-since`),
  };
}

function etagMatches(list: string, etag: string): boolean {
  return list.split(',').some((item) => {
    const t = item.trim().replace(/^W\//, '');
    return t === '*' || t.replace(/^"(.*)"$/, '$1') === etag;
  });
}

/** HTTP dates have whole seconds; undefined for an unparsable date (the header is then ignored). */
function parseHttpDate(value: string | undefined): number | undefined {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** A condition that did not hold: GET and HEAD answer 304 when `notModified`, 412 otherwise. */
export interface ConditionFailure {
  condition: string;
  notModified: boolean;
}

/** RFC 7232 section 6 order, as S3 applies it to GET, HEAD and copy sources. */
export function evaluateRead(record: ObjectRecord, c: Conditions): ConditionFailure | undefined {
  const modified = Math.floor(record.lastModified / 1000);
  if (c.ifMatch !== undefined) {
    if (!etagMatches(c.ifMatch, record.etag)) {
      return { condition: 'If-Match', notModified: false };
    }
  } else {
    const since = parseHttpDate(c.ifUnmodifiedSince);
    if (since !== undefined && modified > since) {
      return { condition: 'If-Unmodified-Since', notModified: false };
    }
  }
  if (c.ifNoneMatch !== undefined) {
    return etagMatches(c.ifNoneMatch, record.etag) ? { condition: 'If-None-Match', notModified: true } : undefined;
  }
  const since = parseHttpDate(c.ifModifiedSince);
  return since !== undefined && modified <= since ? { condition: 'If-Modified-Since', notModified: true } : undefined;
}

export function preconditionFailed(condition: string): S3Error {
  return new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
    Condition: condition,
  });
}

/** Conditional writes (PutObject, CopyObject, multipart create and complete): If-Match, If-None-Match. */
export function checkWrite(current: ObjectRecord | undefined, c: Conditions): void {
  if (c.ifMatch !== undefined && (!current || !etagMatches(c.ifMatch, current.etag))) {
    throw preconditionFailed('If-Match');
  }
  if (c.ifNoneMatch !== undefined && current && etagMatches(c.ifNoneMatch, current.etag)) {
    throw preconditionFailed('If-None-Match');
  }
}

/** PutObject's If-Match as Ceph RGW 16 checks it: `*` or exactly the bare MD5, quotes not removed. */
export function checkWriteAsRgw(current: ObjectRecord | undefined, c: Conditions): void {
  if (c.ifMatch !== undefined && (!current || (c.ifMatch !== '*' && c.ifMatch !== current.etag))) {
    throw preconditionFailed('If-Match');
  }
  checkWrite(current, { ...c, ifMatch: undefined });
}

/** Copy-source conditions: any failure, "not modified" included, is a 412. */
export function checkCopySource(record: ObjectRecord, ctx: RequestContext): void {
  const failure = evaluateRead(record, conditionsFrom(ctx, 'x-amz-copy-source-'));
  if (failure) {
    throw preconditionFailed(`x-amz-copy-source-${failure.condition}`);
  }
}
