// The two listings browsing sends, read from their XML without the SDK (see sdk.ts): S3's answers
// are flat and their names fixed, so each field is found by its element. Keys and prefixes come
// URL-encoded (EncodingType url), so no markup can hide in them; other text is entity-decoded.
import { decodeListedKey, unquoteEtag } from './keys';
import type { ListPage, R2Bucket, R2Object } from './types';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(ENTITY, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
    name === undefined
      ? String.fromCodePoint(parseInt(hex ?? decimal ?? '', hex === undefined ? 10 : 16))
      : NAMED[name],
  );
}

/** The contents of every `<name>…</name>` in `xml`, in order (`<name/>` is empty and not listed). */
function blocks(xml: string, name: string): string[] {
  const found: string[] = [];
  const open = `<${name}>`;
  const close = `</${name}>`;
  for (let start = xml.indexOf(open); start !== -1; start = xml.indexOf(open, start)) {
    const end = xml.indexOf(close, start);
    if (end === -1) {
      break;
    }
    found.push(xml.slice(start + open.length, end));
    start = end + close.length;
  }
  return found;
}

/** The decoded text of the first `<name>` in `xml`. */
function field(xml: string, name: string): string | undefined {
  const [text] = blocks(xml, name);
  return text === undefined ? undefined : decodeXml(text);
}

/**
 * A copy of `text` that keeps nothing else alive, for what outlives the parse (the tree keeps every
 * row of a large folder). V8 keeps a slice of 13 characters or more as a view into the string it was
 * cut from: an ETag or a token cut from the answer would keep the whole answer.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** `field` as a copy of its own (see `detached`). */
function keptField(xml: string, name: string): string | undefined {
  const text = field(xml, name);
  return text === undefined ? undefined : detached(text);
}

function toObject(entry: string): R2Object {
  const lastModified = field(entry, 'LastModified');
  return {
    key: decodeListedKey(field(entry, 'Key') ?? ''),
    size: Number(field(entry, 'Size') ?? 0),
    etag: detached(unquoteEtag(field(entry, 'ETag'))),
    lastModified: lastModified === undefined ? new Date(0) : new Date(lastModified),
    storageClass: field(entry, 'StorageClass'),
  };
}

/** A ListObjectsV2 answer; `objects` and `prefixes` as listed, before the caller's filtering. */
export function parseObjectListing(xml: string): ListPage {
  const truncated = field(xml, 'IsTruncated') === 'true';
  return {
    objects: blocks(xml, 'Contents').map(toObject),
    prefixes: blocks(xml, 'CommonPrefixes').map((entry) => decodeListedKey(field(entry, 'Prefix') ?? '')),
    nextToken: truncated ? keptField(xml, 'NextContinuationToken') : undefined,
  };
}

/** A ListBuckets answer: the buckets, and the token of the next page when there is one. */
export function parseBucketListing(xml: string): { buckets: R2Bucket[]; nextToken?: string } {
  const buckets = blocks(xml, 'Bucket').map((entry) => {
    const created = field(entry, 'CreationDate');
    return {
      name: keptField(entry, 'Name') ?? '',
      creationDate: created === undefined ? undefined : new Date(created),
    };
  });
  return { buckets, nextToken: keptField(xml, 'ContinuationToken') || undefined };
}
