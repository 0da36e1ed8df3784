import assert from 'node:assert/strict';
import type { ListPage } from '../../../src/r2';
import { listPage, putObject } from '../../../src/r2';
import { assertRequests, countRequests, expectR2Error, live, newClient, ODD_KEYS, putMany, useBucket } from './helpers';

const PAGINATED_KEYS = 2500;

describe('r2 listing', () => {
  describe('pagination', () => {
    const bucket = useBucket('r2-list-pages');
    const keys = Array.from({ length: PAGINATED_KEYS }, (_, i) => `many/${String(i).padStart(5, '0')}`);

    before(async () => {
      await putMany(bucket.client, bucket.name, keys);
    });

    it('returns 2,500 keys in pages of 1000, one ListObjectsV2 request per page', async () => {
      countRequests(bucket.requests);
      const pages: ListPage[] = [];
      let token: string | undefined;
      do {
        const page = await listPage(
          bucket.client,
          { bucket: bucket.name, prefix: 'many/', pageSize: 1000, token },
          live,
        );
        pages.push(page);
        token = page.nextToken;
      } while (token !== undefined);
      assert.deepEqual(
        pages.map((page) => page.objects.length),
        [1000, 1000, 500],
      );
      assert.deepEqual(
        pages.flatMap((page) => page.objects.map((object) => object.key)),
        keys,
      );
      assertRequests(bucket.requests, { ListObjectsV2: 3 });
    });

    it('never returns more than the page size asked for', async () => {
      const page = await listPage(bucket.client, { bucket: bucket.name, prefix: 'many/', pageSize: 7 }, live);
      assert.equal(page.objects.length, 7);
      assert.ok(page.nextToken);
      const next = await listPage(
        bucket.client,
        { bucket: bucket.name, prefix: 'many/', pageSize: 7, token: page.nextToken },
        live,
      );
      assert.equal(next.objects[0].key, keys[7]);
    });

    it('refuses page sizes outside 1..1000 before any request', async () => {
      await expectR2Error(listPage(bucket.client, { bucket: bucket.name, pageSize: 1001 }, live), 'InvalidArgument');
      await expectR2Error(listPage(bucket.client, { bucket: bucket.name, pageSize: 0 }, live), 'InvalidArgument');
    });
  });

  describe('folders', () => {
    const bucket = useBucket('r2-list-folders');

    before(async () => {
      // `docs/` and `docs/img/` are folder markers as tools create them: zero-byte keys ending in `/`.
      await putMany(bucket.client, bucket.name, [
        'docs/',
        'docs/img/',
        'docs/readme.md',
        'docs/img/logo.png',
        'top.txt',
        'empty-folder/',
      ]);
    });

    it('shows one level: sub-folders as prefixes, files as objects', async () => {
      const root = await listPage(bucket.client, { bucket: bucket.name }, live);
      assert.deepEqual(root.prefixes, ['docs/', 'empty-folder/']);
      assert.deepEqual(
        root.objects.map((object) => object.key),
        ['top.txt'],
      );
      assert.equal(root.nextToken, undefined);
    });

    it('does not list a folder marker as a file of its own folder', async () => {
      const docs = await listPage(bucket.client, { bucket: bucket.name, prefix: 'docs/' }, live);
      assert.deepEqual(docs.prefixes, ['docs/img/']);
      assert.deepEqual(
        docs.objects.map((object) => object.key),
        ['docs/readme.md'],
      );
      const empty = await listPage(bucket.client, { bucket: bucket.name, prefix: 'empty-folder/' }, live);
      assert.deepEqual(empty, { prefixes: [], objects: [], nextToken: undefined });
    });

    it('lists every key, markers included, without a delimiter', async () => {
      const flat = await listPage(bucket.client, { bucket: bucket.name, prefix: 'docs/', delimiter: '' }, live);
      assert.deepEqual(flat.prefixes, []);
      assert.deepEqual(
        flat.objects.map((object) => object.key),
        ['docs/', 'docs/img/', 'docs/img/logo.png', 'docs/readme.md'],
      );
    });

    it('returns sizes, unquoted etags and dates', async () => {
      const [object] = (await listPage(bucket.client, { bucket: bucket.name, prefix: 'top' }, live)).objects;
      assert.equal(object.size, 'top.txt'.length);
      assert.match(object.etag, /^[0-9a-f]{32}$/);
      assert.ok(object.lastModified instanceof Date && object.lastModified.getTime() > 0);
    });
  });

  describe('odd keys', () => {
    const bucket = useBucket('r2-list-odd');
    // A control character cannot appear in XML 1.0 at all: only URL-encoded listings can carry it.
    const keys = [...ODD_KEYS, 'control\u0001char'];

    before(async () => {
      for (const key of keys) {
        await putObject(bucket.client, { bucket: bucket.name, key, body: key }, live);
      }
    });

    it('lists every odd key exactly as written', async () => {
      const page = await listPage(bucket.client, { bucket: bucket.name, delimiter: '' }, live);
      assert.deepEqual(
        page.objects.map((object) => object.key),
        [...keys].sort(compareUtf8),
      );
    });

    it('lists folders of odd keys with a delimiter, and finds keys by odd prefixes', async () => {
      const root = await listPage(bucket.client, { bucket: bucket.name }, live);
      assert.ok(root.prefixes.includes('/'), 'a leading slash makes an empty-named folder');
      assert.ok(root.prefixes.includes('double/'));
      const doubled = await listPage(bucket.client, { bucket: bucket.name, prefix: 'double/' }, live);
      assert.deepEqual(doubled.prefixes, ['double//']);
      const plus = await listPage(bucket.client, { bucket: bucket.name, prefix: 'both + and' }, live);
      assert.deepEqual(
        plus.objects.map((object) => object.key),
        ['both + and space'],
      );
      const percent = await listPage(bucket.client, { bucket: bucket.name, prefix: '100%' }, live);
      assert.deepEqual(
        percent.objects.map((object) => object.key),
        ['100% sure'],
      );
    });
  });

  it('fails with NoSuchBucket for a missing bucket', async () => {
    const client = newClient();
    try {
      await expectR2Error(listPage(client, { bucket: 'no-such-bucket-r2-test' }, live), 'NoSuchBucket');
    } finally {
      client.destroy();
    }
  });
});

/** S3 lists keys in UTF-8 byte order, which differs from JavaScript's UTF-16 order for emoji. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
