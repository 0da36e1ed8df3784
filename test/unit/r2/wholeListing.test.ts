import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { compareKeys, listPage, listWhole, MAX_PAGE_SIZE, WHOLE_LISTING_CONCURRENCY } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import type { TestBucket } from './helpers';
import { assertRequests, countRequests, expectR2Error, live, putMany, useBucket } from './helpers';

/** Sizes on the local server (seeded straight into its store) and on Ceph RGW (seeded by PUTs). */
function sized(local: number, rgw: number): number {
  return s3env().flavour === 'local' ? local : rgw;
}

const numbered = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}key-${String(i).padStart(6, '0')}`);
/** Names as content hashes make them: uniformly random hex. */
const hashed = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${createHash('sha1').update(String(i)).digest('hex')}`);
/** Unpadded numbers: `k0`, `k1`, `k10`, `k100`, …, keys of every length interleaved. */
const unpadded = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}k${i}`);
/**
 * Each number three times, ending in characters whose UTF-8 order differs from JavaScript's UTF-16
 * order: an emoji (a surrogate pair, below U+E000 in UTF-16) sorts after U+FF5E by bytes, as S3 lists.
 * Range bounds then fall on each of them in turn, with the emoji key right after a bound.
 */
const unicode = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `${prefix}${String(Math.floor(i / 3)).padStart(5, '0')}-${['\u{e000}', '\u{ff5e}', '🎉'][i % 3]}`,
  );
/** A first page of digits, then letters, accents and emoji the first page never showed. */
const unseen = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const name = String(i).padStart(4, '0');
    return i < MAX_PAGE_SIZE + 1 ? `${prefix}${name}` : `${prefix}${['a', 'Z', 'é', '🎉', '~'][i % 5]}${name}`;
  });

/** Seeds and lists the keys of one bucket. */
function listings(bucket: TestBucket) {
  async function seed(keys: readonly string[]): Promise<void> {
    const local = s3env().local;
    if (local !== undefined) {
      local.seed(bucket.name, keys);
    } else {
      await putMany(bucket.client, bucket.name, keys, 32);
    }
  }

  /** Lists the prefix both ways: the same keys in the same order; returns the whole listing's requests. */
  async function sameAsOneByOne(prefix: string, seeded: readonly string[]): Promise<number> {
    const expected: string[] = [];
    let token: string | undefined;
    do {
      const page = await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '', token }, live);
      expected.push(...page.objects.map((object) => object.key));
      token = page.nextToken;
    } while (token !== undefined);
    assert.deepEqual(expected, [...seeded].sort(compareKeys), 'the server lists what was seeded, in byte order');
    countRequests(bucket.requests);
    const listing = listWhole(bucket.client, { bucket: bucket.name, prefix }, live);
    const keys: string[] = [];
    for await (const page of listing) {
      keys.push(...page.map((object) => object.key));
    }
    assert.equal(keys.length, expected.length, 'as many keys as listed one page after the other');
    assert.ok(
      keys.every((key, i) => key === expected[i]),
      'the same keys in the same order',
    );
    assertRequests(bucket.requests, { ListObjectsV2: listing.requests }, 'requests counted');
    return listing.requests;
  }

  return { seed, sameAsOneByOne };
}

const pagesOf = (count: number) => Math.ceil(count / MAX_PAGE_SIZE);

describe('r2 whole listing of 100 pages', function () {
  this.timeout(120_000);
  // A bucket of its own: seeding appends to the local store's sorted index, where keys inserted
  // before 100,000 others would each move them.
  const bucket = useBucket('r2-whole-100');
  const { seed, sameAsOneByOne } = listings(bucket);

  it('numbered keys: each guessed range ends on a key, and 100 pages cost at most 105 requests', async () => {
    const count = sized(100_000, 3_000);
    const keys = numbered('numbered/', count);
    await seed(keys);
    const requests = await sameAsOneByOne('numbered/', keys);
    // Counter names fall exactly where guessed: after two ranges that hold what they were aimed at,
    // ranges are a page each. What is over ⌈n/1000⌉: the first two ranges, and the ranges opened past
    // the end while the last pages were listed (at most concurrency − 1).
    assert.ok(requests <= pagesOf(count) + WHOLE_LISTING_CONCURRENCY - 1, `${requests} requests`);
  });
});

describe('r2 whole listing', function () {
  this.timeout(120_000);
  const bucket = useBucket('r2-whole');
  const { seed, sameAsOneByOne } = listings(bucket);

  it('random hex names: at most a third more requests than pages, plus the ranges past the end', async () => {
    const count = sized(10_000, 2_500);
    const keys = hashed('hex/', count);
    await seed(keys);
    const requests = await sameAsOneByOne('hex/', keys);
    assert.ok(requests <= Math.ceil(pagesOf(count) * 1.34) + WHOLE_LISTING_CONCURRENCY - 1, `${requests} requests`);
  });

  it('keys of mixed lengths: at most twice the pages, plus the ranges past the end', async () => {
    const count = sized(10_000, 2_500);
    const keys = unpadded('mixed/', count);
    await seed(keys);
    const requests = await sameAsOneByOne('mixed/', keys);
    assert.ok(requests <= 2 * pagesOf(count) + WHOLE_LISTING_CONCURRENCY - 1, `${requests} requests`);
  });

  it('unicode keys, in UTF-8 byte order across every range bound', async () => {
    const keys = unicode('unicode/', sized(6_000, 2_500));
    await seed(keys);
    await sameAsOneByOne('unicode/', keys);
  });

  it('keys the first page gave no hint of (letters, accents, emoji after digits)', async () => {
    const keys = unseen('unseen/', sized(5_000, 2_500));
    await seed(keys);
    await sameAsOneByOne('unseen/', keys);
  });

  it('a folder of one page costs one request, also at exactly 1000 keys', async () => {
    const few = ['few/a', 'few/b/', 'few/b/c'];
    const thousand = numbered('thousand/', MAX_PAGE_SIZE);
    await seed([...few, ...thousand]);
    assert.equal(await sameAsOneByOne('few/', few), 1);
    assert.equal(await sameAsOneByOne('thousand/', thousand), 1);
    assert.equal(await sameAsOneByOne('nothing/', []), 1);
  });

  it('a folder of 1001 keys costs at most three requests: the first page, its guess and the rest', async () => {
    const keys = numbered('thousand-one/', MAX_PAGE_SIZE + 1);
    await seed(keys);
    assert.ok((await sameAsOneByOne('thousand-one/', keys)) <= 3);
  });

  it('stops its requests when the caller leaves after the first page', async () => {
    const keys = numbered('leave/', sized(5_000, 2_500));
    await seed(keys);
    const listing = listWhole(bucket.client, { bucket: bucket.name, prefix: 'leave/' }, live);
    for await (const page of listing) {
      assert.deepEqual(
        page.map((object) => object.key),
        keys.slice(0, MAX_PAGE_SIZE),
      );
      break;
    }
    // The first page, and at most the range and the open end its guess opened: leaving stopped them.
    assert.ok(listing.requests <= 3, `${listing.requests} requests`);
  });

  it('is cancelled by its signal', async () => {
    const keys = numbered('cancel/', sized(5_000, 2_500));
    await seed(keys);
    const cancel = new AbortController();
    const listing = listWhole(bucket.client, { bucket: bucket.name, prefix: 'cancel/' }, cancel.signal);
    const pages: number[] = [];
    const listed = (async () => {
      for await (const page of listing) {
        pages.push(page.length);
        cancel.abort();
      }
    })();
    await expectR2Error(listed, 'Cancelled');
    assert.deepEqual(pages, [MAX_PAGE_SIZE]);
  });
});

describe('r2 whole listing, raced by another client (local server)', () => {
  const bucket = useBucket('r2-whole-race');

  it('lists each key once, in order, while keys are added and deleted between its requests', async function () {
    const local = s3env().local;
    if (local === undefined) {
      // Another client's write between two requests is injected by the local server only.
      this.skip();
    }
    const keys = numbered('race/', 5_000);
    local.seed(bucket.name, keys);
    // One write before each of the first requests (ListObjectsV2 takes them in order): a key of the
    // range the first guess opens, the key that guess ends on (a range bound), a key added inside it,
    // and the last key.
    const raced = ['race/key-001500', 'race/key-001899', 'race/key-001899a', 'race/key-004999'];
    for (const [i, key] of raced.entries()) {
      local.inject({
        type: 'write',
        operation: 'ListObjectsV2',
        bucket: bucket.name,
        key,
        body: i === 2 ? 'added' : null,
      });
    }
    const listing = listWhole(bucket.client, { bucket: bucket.name, prefix: 'race/' }, live);
    const listed: string[] = [];
    for await (const page of listing) {
      listed.push(...page.map((object) => object.key));
    }
    assert.deepEqual(local.faults(), [], 'every write happened during the listing');
    assert.ok(
      listed.every((key, i) => i === 0 || compareKeys(listed[i - 1], key) < 0),
      'in order, none twice',
    );
    const untouched = (list: readonly string[]) => list.filter((key) => !raced.includes(key));
    assert.deepEqual(untouched(listed), untouched(keys));
    assert.ok(!listed.includes('race/key-004999'), 'deleted before the last page was listed');
  });
});
