// ListObjects (v1) and ListObjectsV2.
import type { RequestContext } from '../context';
import { S3Error } from '../errors';
import { MAX_ITEMS_PER_CALL } from '../limits';
import type { ObjectRecord, Store } from '../store';
import { urlEncodeKey } from '../uri';
import type { XmlNode } from '../xml';
import { el, opt } from '../xml';
import type { HandlerArgs } from './types';

/** max-keys, max-parts, max-uploads: default and ceiling 1000 (larger values are clamped, as S3 does). */
export function parseListLimit(ctx: RequestContext, name: string): number {
  const text = ctx.param(name);
  if (text === undefined) {
    return MAX_ITEMS_PER_CALL;
  }
  if (!/^\d+$/.test(text)) {
    throw new S3Error('InvalidArgument', `Provided ${name} not an integer or within integer range`, {
      ArgumentName: name,
      ArgumentValue: text,
    });
  }
  return Math.min(Number(text), MAX_ITEMS_PER_CALL);
}

// Continuation tokens are opaque to clients; this one wraps the last key or prefix returned.
const TOKEN_TAG = 'r2local:';

function encodeToken(after: string): string {
  return Buffer.from(TOKEN_TAG + after, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_TAG)) {
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  }
  return text.slice(TOKEN_TAG.length);
}

interface ListParams {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  encode: (value: string) => string;
  encodingType?: string;
}

function listParams(ctx: RequestContext): ListParams {
  const encodingType = ctx.param('encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') {
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
      ArgumentValue: encodingType,
    });
  }
  return {
    prefix: ctx.param('prefix') ?? '',
    // An empty delimiter means none.
    delimiter: ctx.param('delimiter') || undefined,
    maxKeys: parseListLimit(ctx, 'max-keys'),
    encode: encodingType === 'url' ? urlEncodeKey : (value) => value,
    encodingType,
  };
}

function contents(records: ObjectRecord[], encode: (value: string) => string): XmlNode[] {
  return records.map((r) =>
    el('Contents', [
      el('Key', encode(r.key)),
      el('LastModified', new Date(r.lastModified).toISOString()),
      el('ETag', `"${r.etag}"`),
      el('Size', r.size),
      el('StorageClass', r.meta.storageClass),
    ]),
  );
}

function commonPrefixes(prefixes: string[], encode: (value: string) => string): XmlNode[] {
  return prefixes.map((p) => el('CommonPrefixes', [el('Prefix', encode(p))]));
}

/** What both versions end with: the request's limits and the page itself. */
function pageElements(p: ListParams, page: ReturnType<Store['list']>): Array<XmlNode | undefined> {
  return [
    el('MaxKeys', p.maxKeys),
    opt('Delimiter', p.delimiter === undefined ? undefined : p.encode(p.delimiter)),
    el('IsTruncated', page.isTruncated),
    opt('EncodingType', p.encodingType),
    ...contents(page.records, p.encode),
    ...commonPrefixes(page.commonPrefixes, p.encode),
  ];
}

export async function listObjectsV2({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  const p = listParams(ctx);
  const token = ctx.param('continuation-token');
  const startAfter = ctx.param('start-after');
  const after = token !== undefined ? decodeToken(token) : startAfter || undefined;
  const page = store.list(bucket, { prefix: p.prefix, delimiter: p.delimiter, after, maxKeys: p.maxKeys });
  await ctx.sendXml(
    200,
    el('ListBucketResult', [
      el('Name', bucket),
      el('Prefix', p.encode(p.prefix)),
      opt('StartAfter', startAfter === undefined ? undefined : p.encode(startAfter)),
      opt('ContinuationToken', token),
      opt('NextContinuationToken', page.isTruncated && page.last !== undefined ? encodeToken(page.last) : undefined),
      el('KeyCount', page.keys.length + page.commonPrefixes.length),
      ...pageElements(p, page),
    ]),
  );
}

export async function listObjects({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  const p = listParams(ctx);
  const marker = ctx.param('marker') ?? '';
  const page = store.list(bucket, {
    prefix: p.prefix,
    delimiter: p.delimiter,
    after: marker || undefined,
    maxKeys: p.maxKeys,
  });
  await ctx.sendXml(
    200,
    el('ListBucketResult', [
      el('Name', bucket),
      el('Prefix', p.encode(p.prefix)),
      el('Marker', p.encode(marker)),
      opt('NextMarker', page.isTruncated && page.last !== undefined ? p.encode(page.last) : undefined),
      ...pageElements(p, page),
    ]),
  );
}
