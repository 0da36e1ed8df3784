// Finding keys by a substring or a glob: S3 can only list by prefix, so a find lists every key under
// the prefix, one ListObjectsV2 page (1,000 keys, one class A operation) at a time, and matches here.
// A cap on pages bounds what one find may cost; the caller hears of every page as it arrives.
import { listPage } from '../r2';
import { picomatch } from './globs';
import type { R2Client, R2Object } from '../r2';

export interface FindKeysInput {
  readonly client: R2Client;
  readonly bucket: string;
  /** Only keys under this prefix are listed ('' for the whole bucket). */
  readonly prefix: string;
  /**
   * A glob when it has `*`, `?`, `[` or `{` (matched against the key below the prefix, or against
   * the last segment when the glob has no `/`), otherwise a case-insensitive substring of the key.
   */
  readonly pattern: string;
  /** The most ListObjectsV2 requests this find may send. */
  readonly maxPages: number;
  /** Stop once this many keys matched. */
  readonly maxMatches: number;
  /** Continue a find that stopped at its cap: the `nextToken` it returned. */
  readonly token?: string;
}

export interface FoundKeys {
  /** The first `maxMatches` matching objects, in key order. */
  readonly matches: readonly R2Object[];
  /** Every match in the pages listed, also those past `maxMatches`. */
  readonly matchCount: number;
  /** Keys listed and compared. */
  readonly scanned: number;
  /** ListObjectsV2 requests sent. */
  readonly requests: number;
  /** Where listing stopped when it hit a cap; undefined when every key under the prefix was seen. */
  readonly nextToken?: string;
}

const GLOB_CHARACTERS = /[*?[{]/;

export function keyMatcher(pattern: string, prefix: string): (key: string) => boolean {
  if (!GLOB_CHARACTERS.test(pattern)) {
    const needle = pattern.toLowerCase();
    return (key) => key.toLowerCase().includes(needle);
  }
  const matches = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
  return (key) => matches(key.slice(prefix.length));
}

/** Hears each page: the find so far, and the matches the page added. */
export type FindListener = (found: FoundKeys, pageMatches: readonly R2Object[]) => void;

/** Lists page after page until every key was seen or a cap is reached. */
export async function findKeys(
  input: FindKeysInput,
  signal: AbortSignal,
  onPage: FindListener = () => undefined,
): Promise<FoundKeys> {
  const matches: R2Object[] = [];
  const isMatch = keyMatcher(input.pattern, input.prefix);
  let found: FoundKeys = { matches, matchCount: 0, scanned: 0, requests: 0, nextToken: input.token };
  do {
    const page = await listPage(
      input.client,
      { bucket: input.bucket, prefix: input.prefix, delimiter: '', token: found.nextToken },
      signal,
    );
    const pageMatches = page.objects.filter((object) => isMatch(object.key));
    matches.push(...pageMatches);
    found = {
      matches: matches.slice(0, input.maxMatches),
      matchCount: matches.length,
      scanned: found.scanned + page.objects.length,
      requests: found.requests + 1,
      nextToken: page.nextToken,
    };
    onPage(found, pageMatches.slice(0, Math.max(0, input.maxMatches - (matches.length - pageMatches.length))));
  } while (found.nextToken !== undefined && found.requests < input.maxPages && matches.length < input.maxMatches);
  return found;
}

export interface FindInBucketsInput extends Omit<FindKeysInput, 'bucket' | 'token'> {
  /** Searched in this order, sharing the page and match caps. */
  readonly buckets: readonly string[];
}

export interface BucketFind extends FoundKeys {
  readonly bucket: string;
}

export interface FoundInBuckets {
  /** One per bucket searched, in order; buckets left when a cap was reached are not searched. */
  readonly results: readonly BucketFind[];
  readonly notSearched: readonly string[];
  /** ListObjectsV2 requests sent in all. */
  readonly requests: number;
}

/** The same find in several buckets, one after the other, within one budget of pages and matches. */
export async function findKeysInBuckets(
  input: FindInBucketsInput,
  signal: AbortSignal,
  onPage: (bucket: string, found: FoundKeys, pageMatches: readonly R2Object[]) => void = () => undefined,
): Promise<FoundInBuckets> {
  const results: BucketFind[] = [];
  let pagesLeft = input.maxPages;
  let matchesLeft = input.maxMatches;
  for (const bucket of input.buckets) {
    if (pagesLeft === 0 || matchesLeft === 0) {
      break;
    }
    const found = await findKeys(
      { ...input, bucket, maxPages: pagesLeft, maxMatches: matchesLeft },
      signal,
      (...page) => onPage(bucket, ...page),
    );
    results.push({ bucket, ...found });
    pagesLeft -= found.requests;
    matchesLeft -= found.matches.length;
  }
  return {
    results,
    notSearched: input.buckets.slice(results.length),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
  };
}
