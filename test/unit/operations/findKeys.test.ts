// Finding keys by substring or glob: what matches, what it costs in ListObjectsV2 requests, and
// where it stops at a cap (and continues from).
import assert from 'node:assert/strict';
import { findKeys } from '../../../src/operations';
import type { FoundKeys } from '../../../src/operations';
import { assertRequests, countRequests, live, putMany, useBucket } from '../r2/helpers';

describe('findKeys', function () {
  this.timeout(120_000);
  const bucket = useBucket('find');
  const keys = [
    ...Array.from({ length: 2100 }, (_, index) => `logs/${String(index).padStart(4, '0')}.log`),
    'logs/deep/2026/app.json',
    'site/Index.HTML',
    'site/assets/app.3f2a.js',
    'site/.well-known/security.txt',
  ];
  const find = (pattern: string, prefix = '', maxPages = 10, maxMatches = 100, token?: string) =>
    findKeys({ client: bucket.client, bucket: bucket.name, prefix, pattern, maxPages, maxMatches, token }, live);
  const found = (result: FoundKeys) => result.matches.map((object) => object.key);

  before(async () => {
    await putMany(bucket.client, bucket.name, keys);
  });

  it('matches a substring anywhere in the key, ignoring case, in one listing of ⌈n/1000⌉ requests', async () => {
    countRequests(bucket.requests);
    const result = await find('index.html');
    assert.deepEqual(found(result), ['site/Index.HTML']);
    assert.deepEqual([result.scanned, result.requests, result.nextToken], [keys.length, 3, undefined]);
    assertRequests(bucket.requests, { ListObjectsV2: 3 });
  });

  it('matches a glob below the prefix, and a glob without "/" against the last segment, dot files included', async () => {
    assert.deepEqual(found(await find('assets/*.js', 'site/')), ['site/assets/app.3f2a.js']);
    assert.deepEqual(found(await find('*.json')), ['logs/deep/2026/app.json']);
    assert.deepEqual(found(await find('**/*.txt', 'site/')), ['site/.well-known/security.txt']);
    assert.deepEqual(found(await find('{deep/**,0001.log}', 'logs/')), ['logs/0001.log', 'logs/deep/2026/app.json']);
  });

  it('stops at the page cap with a token to continue from, and at the match cap counting every match seen', async () => {
    countRequests(bucket.requests);
    const first = await find('.log', 'logs/', 1, 5000);
    assert.deepEqual([first.scanned, first.requests, first.matches.length], [1000, 1, 1000]);
    assert.ok(first.nextToken);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    const rest = await find('.log', 'logs/', 10, 5000, first.nextToken);
    assert.deepEqual([rest.scanned, rest.requests, rest.matches.length, rest.nextToken], [1101, 2, 1100, undefined]);
    const few = await find('.log', 'logs/', 10, 3);
    assert.deepEqual(found(few), ['logs/0000.log', 'logs/0001.log', 'logs/0002.log']);
    assert.deepEqual([few.matchCount, few.requests], [1000, 1]);
  });

  it('tells each page to the caller as it arrives', async () => {
    const pages: number[] = [];
    await findKeys(
      { client: bucket.client, bucket: bucket.name, prefix: '', pattern: 'zzz', maxPages: 10, maxMatches: 10 },
      live,
      (progress) => pages.push(progress.scanned),
    );
    assert.deepEqual(pages, [1000, 2000, keys.length]);
  });
});
