import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { _Object } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import { R2Error } from './errors';
import { decodeListedKey, unquoteEtag } from './keys';
import type { ListPage, R2Object } from './types';

export const MAX_PAGE_SIZE = 1000;

export interface ListPageInput {
  bucket: string;
  prefix?: string;
  /** `/` (the default) lists one folder level; `''` lists every key under the prefix. */
  delimiter?: string;
  /** 1–1000, default 1000. */
  pageSize?: number;
  /** `nextToken` of the previous page. */
  token?: string;
  /** Lists only keys after this one (in UTF-8 byte order); ignored with `token`, which carries its own place. */
  startAfter?: string;
}

function toObject(entry: _Object): R2Object {
  return {
    key: decodeListedKey(entry.Key ?? ''),
    size: entry.Size ?? 0,
    etag: unquoteEtag(entry.ETag),
    lastModified: entry.LastModified ?? new Date(0),
    storageClass: entry.StorageClass,
  };
}

/** Exactly one ListObjectsV2 request: one page of at most `pageSize` entries. */
export async function listPage(client: R2Client, input: ListPageInput, signal: AbortSignal): Promise<ListPage> {
  const { bucket, prefix = '', delimiter = '/', pageSize = MAX_PAGE_SIZE, token, startAfter } = input;
  const context = { operation: 'ListObjectsV2', bucket };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new R2Error('InvalidArgument', context, { message: `Page size must be 1 to ${MAX_PAGE_SIZE}.` });
  }
  // URL encoding lets keys with characters XML 1.0 cannot carry (control characters) be listed.
  const output = await client.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: prefix === '' ? undefined : prefix,
      Delimiter: delimiter === '' ? undefined : delimiter,
      MaxKeys: pageSize,
      ContinuationToken: token,
      StartAfter: token === undefined ? startAfter : undefined,
      EncodingType: 'url',
    }),
    context,
    signal,
  );
  const objects = (output.Contents ?? [])
    .map(toObject)
    // A folder marker (`photos/` listed under prefix `photos/`) is the folder itself, not a file in it.
    .filter((object) => !(delimiter !== '' && object.key === prefix && prefix.endsWith(delimiter)));
  const prefixes = (output.CommonPrefixes ?? []).map((entry) => decodeListedKey(entry.Prefix ?? ''));
  const nextToken = output.IsTruncated === true ? output.NextContinuationToken : undefined;
  return { prefixes, objects, nextToken };
}
