import type { R2Client } from './client';
import { R2Error } from './errors';
import { parseObjectListing } from './listXml';
import type { ListPage } from './types';

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

/** Exactly one ListObjectsV2 request: one page of at most `pageSize` entries. */
export async function listPage(client: R2Client, input: ListPageInput, signal: AbortSignal): Promise<ListPage> {
  const { bucket, prefix = '', delimiter = '/', pageSize = MAX_PAGE_SIZE, token, startAfter } = input;
  const context = { operation: 'ListObjectsV2', bucket };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new R2Error('InvalidArgument', context, { message: `Page size must be 1 to ${MAX_PAGE_SIZE}.` });
  }
  // URL encoding lets keys with characters XML 1.0 cannot carry (control characters) be listed.
  const query: Record<string, string> = { 'list-type': '2', 'max-keys': String(pageSize), 'encoding-type': 'url' };
  if (prefix !== '') {
    query.prefix = prefix;
  }
  if (delimiter !== '') {
    query.delimiter = delimiter;
  }
  if (token !== undefined) {
    query['continuation-token'] = token;
  } else if (startAfter !== undefined) {
    query['start-after'] = startAfter;
  }
  const answer = await client.sendInMemory(
    'ListObjectsV2',
    { method: 'GET', bucket, query, headers: {} },
    context,
    signal,
  );
  const { objects, prefixes, nextToken } = parseObjectListing(answer.body.toString('utf8'));
  // A folder marker (`photos/` listed under prefix `photos/`) is the folder itself, not a file in it.
  const files = objects.filter((object) => !(delimiter !== '' && object.key === prefix && prefix.endsWith(delimiter)));
  return { prefixes, objects: files, nextToken };
}
