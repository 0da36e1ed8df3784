import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { clientFor, rejectsWith, sendSigned, useServer } from './helpers';

const text = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');

describe('r2server: objects', function () {
  const h = useServer({
    credentials: [
      { accessKeyId: 'admin0000000000000000000000000000', secretAccessKey: 'a'.repeat(64) },
      { accessKeyId: 'reader000000000000000000000000000', secretAccessKey: 'r'.repeat(64), readOnly: true },
    ],
  });
  const body = text(100);

  before(async () => {
    await h.client.send(
      new PutObjectCommand({ Bucket: h.bucket, Key: 'doc.txt', Body: body, ContentType: 'text/plain' }),
    );
  });

  async function get(key: string, extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]> = {}) {
    const res = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: key, ...extra }));
    return { res, body: (await res.Body?.transformToString()) ?? '' };
  }

  it('stores system metadata, user metadata and the storage class', async () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    const put = await h.client.send(
      new PutObjectCommand({
        Bucket: h.bucket,
        Key: 'meta.json',
        Body: '{}',
        ContentType: 'application/json',
        CacheControl: 'max-age=60',
        ContentDisposition: 'attachment; filename="m.json"',
        ContentEncoding: 'identity',
        ContentLanguage: 'en',
        Expires: expires,
        Metadata: { Owner: 'tests', 'x-y': 'z' },
        StorageClass: 'STANDARD_IA',
      }),
    );
    assert.equal(put.ETag, `"${createHash('md5').update('{}').digest('hex')}"`);
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'meta.json' }));
    assert.equal(head.ContentType, 'application/json');
    assert.equal(head.CacheControl, 'max-age=60');
    assert.equal(head.ContentDisposition, 'attachment; filename="m.json"');
    assert.equal(head.ContentEncoding, 'identity');
    assert.equal(head.ContentLanguage, 'en');
    assert.equal(head.Expires?.getTime(), expires.getTime());
    assert.deepEqual(head.Metadata, { owner: 'tests', 'x-y': 'z' });
    assert.equal(head.StorageClass, 'STANDARD_IA');
    assert.equal(head.ContentLength, 2);
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'cold', Body: 'x', StorageClass: 'GLACIER' })),
      'InvalidStorageClass',
      400,
    );
  });

  it('applies response-* overrides on GET', async () => {
    const { res } = await get('doc.txt', {
      ResponseContentDisposition: 'attachment',
      ResponseContentType: 'application/x-test',
    });
    assert.equal(res.ContentDisposition, 'attachment');
    assert.equal(res.ContentType, 'application/x-test');
  });

  it('serves byte ranges: closed, open, suffix, clamped; 416 beyond the end', async () => {
    const cases: Array<[string, string, string]> = [
      ['bytes=0-4', body.slice(0, 5), 'bytes 0-4/100'],
      ['bytes=95-', body.slice(95), 'bytes 95-99/100'],
      ['bytes=-3', body.slice(97), 'bytes 97-99/100'],
      ['bytes=90-1000', body.slice(90), 'bytes 90-99/100'],
    ];
    for (const [range, expected, contentRange] of cases) {
      const { res, body: got } = await get('doc.txt', { Range: range });
      assert.equal(res.$metadata.httpStatusCode, 206, range);
      assert.equal(got, expected, range);
      assert.equal(res.ContentRange, contentRange, range);
    }
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'doc.txt', Range: 'bytes=10-19' }));
    assert.equal(head.ContentLength, 10);
    await rejectsWith(get('doc.txt', { Range: 'bytes=100-' }), 'InvalidRange', 416);
  });

  it('evaluates conditional GET and HEAD (412 and 304)', async () => {
    const { res } = await get('doc.txt');
    const etag = res.ETag ?? '';
    const lastModified = res.LastModified ?? new Date();
    await get('doc.txt', { IfMatch: etag });
    await rejectsWith(get('doc.txt', { IfMatch: '"0123"' }), 'PreconditionFailed', 412);
    await rejectsWith(
      get('doc.txt', { IfUnmodifiedSince: new Date(lastModified.getTime() - 60_000) }),
      'PreconditionFailed',
      412,
    );
    await assert.rejects(
      get('doc.txt', { IfNoneMatch: etag }),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 304,
    );
    await assert.rejects(
      get('doc.txt', { IfModifiedSince: new Date(lastModified.getTime() + 60_000) }),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 304,
    );
    // If-Match holds, so If-Unmodified-Since is not consulted (RFC 7232 order, as S3 does).
    await get('doc.txt', { IfMatch: etag, IfUnmodifiedSince: new Date(lastModified.getTime() - 60_000) });
    await assert.rejects(
      h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'doc.txt', IfMatch: '"0123"' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 412,
    );
  });

  it('honours If-None-Match: * and If-Match on PUT', async () => {
    const first = await h.client.send(
      new PutObjectCommand({ Bucket: h.bucket, Key: 'once', Body: 'v1', IfNoneMatch: '*' }),
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'once', Body: 'v2', IfNoneMatch: '*' })),
      'PreconditionFailed',
      412,
    );
    const second = await h.client.send(
      new PutObjectCommand({ Bucket: h.bucket, Key: 'once', Body: 'v2', IfMatch: first.ETag }),
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'once', Body: 'v3', IfMatch: first.ETag })),
      'PreconditionFailed',
      412,
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'never-written', Body: 'v', IfMatch: first.ETag })),
      'PreconditionFailed',
      412,
    );
    const { res, body: got } = await get('once');
    assert.equal(got, 'v2');
    assert.equal(res.ETag, second.ETag);
  });

  it('checks Content-MD5, Content-Length and key length', async () => {
    const wrongMd5 = createHash('md5').update('other').digest('base64');
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'md5', Body: 'data', ContentMD5: wrongMd5 })),
      'BadDigest',
      400,
    );
    await h.client.send(
      new PutObjectCommand({
        Bucket: h.bucket,
        Key: 'md5',
        Body: 'data',
        ContentMD5: createHash('md5').update('data').digest('base64'),
      }),
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'k'.repeat(1025), Body: 'x' })),
      'KeyTooLongError',
      400,
    );

    // Presigned URLs do not sign Content-Length, so an announced 6 GiB body can be tried cheaply:
    // the server must refuse it from the header alone.
    const url = new URL(
      await getSignedUrl(h.client, new PutObjectCommand({ Bucket: h.bucket, Key: 'huge' }), { expiresIn: 60 }),
    );
    const [status, answer] = await new Promise<[number, string]>((resolve, reject) => {
      const req = httpRequest(url, { method: 'PUT', headers: { 'content-length': String(6 * 1024 ** 3) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString()]);
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(status, 400);
    assert.match(answer, /<Code>EntityTooLarge<\/Code>/);
  });

  it('refuses what it does not implement, and bodies of unknown length', async () => {
    const acl = await sendSigned(h.server, { method: 'GET', path: `/${h.bucket}/doc.txt?acl` });
    assert.equal(acl.status, 501);
    assert.match(acl.body, /<Code>NotImplemented<\/Code>/);
    const chunked = await sendSigned(h.server, {
      method: 'PUT',
      path: `/${h.bucket}/chunky`,
      headers: { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' },
    });
    assert.equal(chunked.status, 501);
    await rejectsWith(
      h.client.send(
        new PutObjectCommand({ Bucket: h.bucket, Key: 'unknown-length', Body: Readable.from([Buffer.from('abc')]) }),
      ),
      'MissingContentLength',
      411,
    );
  });

  it('answers NoSuchKey and NoSuchBucket', async () => {
    await rejectsWith(get('missing'), 'NoSuchKey', 404);
    await rejectsWith(h.client.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'x' })), 'NoSuchBucket', 404);
    await assert.rejects(
      h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'missing' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 404,
    );
  });

  describe('CopyObject', () => {
    before(async () => {
      await h.client.send(
        new PutObjectCommand({
          Bucket: h.bucket,
          Key: 'src/a b+c%#?.txt',
          Body: 'copy me',
          ContentType: 'text/plain',
          Metadata: { color: 'blue' },
        }),
      );
      await h.client.send(new CreateBucketCommand({ Bucket: 'other-bucket' }));
    });
    const source = `${'test-bucket'}/${encodeURIComponent('src/a b+c%#?.txt')}`;

    it('copies data and metadata with COPY, across buckets too', async () => {
      const res = await h.client.send(
        new CopyObjectCommand({ Bucket: 'other-bucket', Key: 'dst.txt', CopySource: source }),
      );
      assert.equal(res.CopyObjectResult?.ETag, `"${createHash('md5').update('copy me').digest('hex')}"`);
      const got = await h.client.send(new GetObjectCommand({ Bucket: 'other-bucket', Key: 'dst.txt' }));
      assert.equal(await got.Body?.transformToString(), 'copy me');
      assert.equal(got.ContentType, 'text/plain');
      assert.deepEqual(got.Metadata, { color: 'blue' });
    });

    it('replaces metadata with REPLACE, and accepts a leading slash', async () => {
      await h.client.send(
        new CopyObjectCommand({
          Bucket: h.bucket,
          Key: 'dst2',
          CopySource: `/${source}`,
          MetadataDirective: 'REPLACE',
          ContentType: 'text/markdown',
          Metadata: { color: 'red' },
        }),
      );
      const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'dst2' }));
      assert.equal(head.ContentType, 'text/markdown');
      assert.deepEqual(head.Metadata, { color: 'red' });
    });

    it('checks copy-source conditions and refuses a no-op self copy', async () => {
      await rejectsWith(
        h.client.send(
          new CopyObjectCommand({ Bucket: h.bucket, Key: 'dst3', CopySource: source, CopySourceIfMatch: '"nope"' }),
        ),
        'PreconditionFailed',
        412,
      );
      await rejectsWith(
        h.client.send(
          new CopyObjectCommand({
            Bucket: h.bucket,
            Key: 'dst3',
            CopySource: source,
            CopySourceIfModifiedSince: new Date(Date.now() + 3600_000),
          }),
        ),
        'PreconditionFailed',
        412,
      );
      await rejectsWith(
        h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: 'src/a b+c%#?.txt', CopySource: source })),
        'InvalidRequest',
        400,
      );
      await h.client.send(
        new CopyObjectCommand({
          Bucket: h.bucket,
          Key: 'src/a b+c%#?.txt',
          CopySource: source,
          MetadataDirective: 'REPLACE',
          ContentType: 'text/x',
        }),
      );
      await rejectsWith(
        h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: 'dst4', CopySource: `${h.bucket}/missing` })),
        'NoSuchKey',
        404,
      );
    });

    it("checks destination conditions: S3's If-Match / If-None-Match and R2's cf-copy-destination-*", async () => {
      const copy = (key: string, headers: Record<string, string>) =>
        sendSigned(h.server, {
          method: 'PUT',
          path: `/${h.bucket}/${key}`,
          headers: { 'x-amz-copy-source': `/${source}`, ...headers },
        });
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'taken', Body: 'theirs' }));
      const taken = `"${createHash('md5').update('theirs').digest('hex')}"`;
      for (const prefix of ['', 'cf-copy-destination-']) {
        const refused = await copy('taken', { [`${prefix}if-none-match`]: '*' });
        assert.equal(refused.status, 412, refused.body);
        assert.match(refused.body, /<Code>PreconditionFailed<\/Code>/);
        assert.equal((await copy('taken', { [`${prefix}if-match`]: '"0123"' })).status, 412);
        assert.equal((await copy(`fresh${prefix}`, { [`${prefix}if-none-match`]: '*' })).status, 200);
      }
      assert.equal((await get('taken')).body, 'theirs');
      assert.equal((await copy('taken', { 'cf-copy-destination-if-match': taken })).status, 200);
      assert.equal((await get('taken')).body, 'copy me');
    });

    it('keeps the copy when the source is deleted', async () => {
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'temp-src', Body: 'short-lived' }));
      await h.client.send(
        new CopyObjectCommand({ Bucket: h.bucket, Key: 'temp-dst', CopySource: `${h.bucket}/temp-src` }),
      );
      await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'temp-src' }));
      assert.equal((await get('temp-dst')).body, 'short-lived');
    });
  });

  describe('deletes', () => {
    it('DeleteObject answers 204 whether or not the key exists', async () => {
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'gone', Body: 'x' }));
      const first = await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'gone' }));
      const second = await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'gone' }));
      assert.equal(first.$metadata.httpStatusCode, 204);
      assert.equal(second.$metadata.httpStatusCode, 204);
    });

    it('DeleteObject with If-Match deletes only that version (a missing key still answers 204)', async () => {
      const { ETag } = await h.client.send(
        new PutObjectCommand({ Bucket: h.bucket, Key: 'guarded-delete', Body: 'v1' }),
      );
      await rejectsWith(
        h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'guarded-delete', IfMatch: '"0123"' })),
        'PreconditionFailed',
        412,
      );
      assert.equal((await get('guarded-delete')).body, 'v1');
      await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'guarded-delete', IfMatch: ETag }));
      await rejectsWith(get('guarded-delete'), 'NoSuchKey', 404);
      const missing = await h.client.send(
        new DeleteObjectCommand({ Bucket: h.bucket, Key: 'guarded-delete', IfMatch: ETag }),
      );
      assert.equal(missing.$metadata.httpStatusCode, 204);
    });

    it('DeleteObjects reports each key, honours Quiet, and limits a call to 1000 keys', async () => {
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'd/1', Body: 'x' }));
      const res = await h.client.send(
        new DeleteObjectsCommand({
          Bucket: h.bucket,
          Delete: { Objects: [{ Key: 'd/1' }, { Key: 'd/never' }, { Key: 'a&b<c>' }] },
        }),
      );
      assert.deepEqual(
        res.Deleted?.map((d) => d.Key),
        ['d/1', 'd/never', 'a&b<c>'],
      );
      assert.equal(res.Errors, undefined);
      const quiet = await h.client.send(
        new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Objects: [{ Key: 'd/2' }], Quiet: true } }),
      );
      assert.equal(quiet.Deleted, undefined);
      const tooMany = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
      await rejectsWith(
        h.client.send(new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Objects: tooMany } })),
        'MalformedXML',
        400,
      );
    });

    it('gives a read-only key per-key AccessDenied in DeleteObjects and refuses its writes', async () => {
      const reader = clientFor(h.server, h.server.credentials[1]);
      const res = await reader.send(
        new DeleteObjectsCommand({ Bucket: h.bucket, Delete: { Objects: [{ Key: 'doc.txt' }] } }),
      );
      assert.deepEqual(
        res.Errors?.map((e) => [e.Key, e.Code]),
        [['doc.txt', 'AccessDenied']],
      );
      await rejectsWith(
        reader.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'r', Body: 'x' })),
        'AccessDenied',
        403,
      );
      await rejectsWith(
        reader.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: 'doc.txt' })),
        'AccessDenied',
        403,
      );
      const got = await reader.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'doc.txt' }));
      assert.equal(await got.Body?.transformToString(), body);
    });
  });
});
