import { strict as assert } from 'node:assert';
import { GetObjectCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { inParallel, rejectsWith, sendSigned, useServer } from './helpers';

/** Keys a file-system-minded client would get wrong. */
const ODD_KEYS = [
  'plain.txt',
  'with space.txt',
  'plus+sign',
  'percent%20literal',
  'hash#tag',
  'question?mark',
  'amp&lt;',
  'unicodé/ファイル.txt',
  'emoji/😀.png',
  'private/\uE000', // sorts before the emoji in UTF-16 but after it in UTF-8
  'double//slash',
  'folder/',
  '/leading-slash',
  'dots/../up',
  'tab\tkey',
];

function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

describe('r2server: listing', function () {
  this.timeout(20_000);
  const h = useServer();

  async function list(
    params: Partial<ConstructorParameters<typeof ListObjectsV2Command>[0]>,
    bucket = h.bucket,
  ): Promise<ListObjectsV2CommandOutput> {
    return h.client.send(new ListObjectsV2Command({ Bucket: bucket, ...params }));
  }

  describe('odd keys', () => {
    before(async () => {
      await inParallel(ODD_KEYS, 8, (key) =>
        h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: `odd/${key}`, Body: key })),
      );
    });

    it('round-trips every key and lists them in UTF-8 byte order', async () => {
      const res = await list({ Prefix: 'odd/' });
      assert.deepEqual(
        res.Contents?.map((c) => c.Key),
        ODD_KEYS.map((k) => `odd/${k}`).sort(byUtf8),
      );
      for (const key of ODD_KEYS) {
        const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: `odd/${key}` }));
        assert.equal(await got.Body?.transformToString(), key);
      }
    });

    it('encodes keys with encoding-type=url so that they decode back', async () => {
      const res = await list({ Prefix: 'odd/', EncodingType: 'url' });
      assert.equal(res.EncodingType, 'url');
      const decoded = res.Contents?.map((c) => decodeURIComponent(c.Key ?? ''));
      assert.deepEqual(decoded, ODD_KEYS.map((k) => `odd/${k}`).sort(byUtf8));
      assert.ok(res.Contents?.some((c) => c.Key === 'odd/with%20space.txt'));
      assert.ok(res.Contents?.some((c) => c.Key === 'odd/plus%2Bsign'));
    });

    it('groups by delimiter into common prefixes', async () => {
      const res = await list({ Prefix: 'odd/', Delimiter: '/' });
      assert.deepEqual(
        res.CommonPrefixes?.map((p) => p.Prefix),
        ['odd//', 'odd/double/', 'odd/dots/', 'odd/emoji/', 'odd/folder/', 'odd/private/', 'odd/unicodé/'].sort(byUtf8),
      );
      assert.ok(res.Contents?.every((c) => !(c.Key ?? '').slice(4).includes('/')));
      assert.equal(res.KeyCount, (res.Contents?.length ?? 0) + (res.CommonPrefixes?.length ?? 0));
      const folder = await list({ Prefix: 'odd/folder/', Delimiter: '/' });
      assert.deepEqual(
        folder.Contents?.map((c) => c.Key),
        ['odd/folder/'],
      );
    });
  });

  describe('pagination', () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `many/${String(i).padStart(5, '0')}`);

    before(async () => {
      // Seeded with a light SigV4 client: the S3 client's per-request CPU cost would dominate the suite.
      await inParallel(keys, 16, async (key) => {
        const res = await sendSigned(h.server, { method: 'PUT', path: `/${h.bucket}/${key}`, body: key });
        assert.equal(res.status, 200, res.body);
      });
    });

    it('pages 2,500 keys by 1000 with continuation tokens', async () => {
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let token: string | undefined;
      do {
        const res = await list({ Prefix: 'many/', MaxKeys: 1000, ContinuationToken: token });
        pageSizes.push(res.KeyCount ?? 0);
        seen.push(...(res.Contents ?? []).map((c) => c.Key ?? ''));
        assert.equal(res.IsTruncated, res.NextContinuationToken !== undefined);
        token = res.NextContinuationToken;
      } while (token);
      assert.deepEqual(pageSizes, [1000, 1000, 500]);
      assert.deepEqual(seen, keys);
    });

    it('clamps max-keys to 1000 and honours start-after', async () => {
      const res = await list({ Prefix: 'many/', MaxKeys: 5000 });
      assert.equal(res.MaxKeys, 1000);
      assert.equal(res.KeyCount, 1000);
      const after = await list({ Prefix: 'many/', StartAfter: 'many/02495' });
      assert.deepEqual(
        after.Contents?.map((c) => c.Key),
        ['many/02496', 'many/02497', 'many/02498', 'many/02499'],
      );
      assert.equal(after.IsTruncated, false);
    });

    it('never repeats a common prefix across pages', async () => {
      const prefixes: string[] = [];
      let token: string | undefined;
      do {
        const res = await list({ Delimiter: '/', MaxKeys: 1, ContinuationToken: token });
        prefixes.push(
          ...(res.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
          ...(res.Contents ?? []).map((c) => c.Key ?? ''),
        );
        token = res.NextContinuationToken;
      } while (token);
      assert.deepEqual(prefixes, ['many/', 'odd/']);
    });

    it('supports ListObjects (v1) markers', async () => {
      const first = await h.client.send(new ListObjectsCommand({ Bucket: h.bucket, Prefix: 'many/', MaxKeys: 2 }));
      assert.deepEqual(
        first.Contents?.map((c) => c.Key),
        ['many/00000', 'many/00001'],
      );
      assert.equal(first.NextMarker, 'many/00001');
      const second = await h.client.send(
        new ListObjectsCommand({ Bucket: h.bucket, Prefix: 'many/', MaxKeys: 2, Marker: first.NextMarker }),
      );
      assert.deepEqual(
        second.Contents?.map((c) => c.Key),
        ['many/00002', 'many/00003'],
      );
    });

    it('refuses a forged continuation token', async () => {
      await rejectsWith(list({ ContinuationToken: 'not-a-token' }), 'InvalidArgument', 400);
    });
  });
});
