import { strict as assert } from 'node:assert';
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { RawResponse, SignOptions } from './helpers';
import { alterSignedRequests, clientFor, rejectsWith, sendRaw, sendSigned, useServer } from './helpers';

function codeOf(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

describe('r2server: SigV4', function () {
  const h = useServer();

  const signAndSend = (path: string, options: SignOptions = {}): Promise<RawResponse> =>
    sendSigned(h.server, { method: 'GET', path }, options);

  before(async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'a b/c.txt', Body: 'hello' }));
  });

  it('accepts requests signed by another SigV4 implementation', async () => {
    const res = await signAndSend('/test-bucket/a%20b/c.txt');
    assert.equal(res.status, 200, res.body);
    assert.equal(res.body, 'hello');
  });

  it('refuses a path that was URI-encoded twice before signing', async () => {
    const res = await signAndSend('/test-bucket/a%20b/c.txt', { uriEscapePath: true });
    assert.equal(res.status, 403);
    assert.equal(codeOf(res.body), 'SignatureDoesNotMatch');
  });

  it('refuses a credential scope for another service', async () => {
    const res = await signAndSend('/test-bucket/a%20b/c.txt', { service: 'ec2' });
    assert.equal(res.status, 400);
    assert.equal(codeOf(res.body), 'AuthorizationHeaderMalformed');
  });

  it('refuses a region other than auto, and accepts us-east-1 as its alias', async () => {
    await rejectsWith(
      clientFor(h.server, undefined, { region: 'eu-west-1' }).send(new ListBucketsCommand({})),
      'AuthorizationHeaderMalformed',
      400,
    );
    await clientFor(h.server, undefined, { region: 'us-east-1' }).send(new ListBucketsCommand({}));
  });

  it('refuses a request whose path was changed after signing', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      r.path = r.path.replace('c.txt', 'd.txt');
    });
    await rejectsWith(
      client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'a b/c.txt' })),
      'SignatureDoesNotMatch',
      403,
    );
  });

  it('refuses a request whose query was changed after signing', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      r.query = { ...r.query, prefix: 'other/' };
    });
    await rejectsWith(
      client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: 'a b/' })),
      'SignatureDoesNotMatch',
      403,
    );
  });

  it('refuses a request whose signed header was changed', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      r.headers['content-type'] = 'text/html';
    });
    await rejectsWith(
      client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'x', Body: 'x', ContentType: 'text/plain' })),
      'SignatureDoesNotMatch',
      403,
    );
  });

  it('refuses an x-amz-* header that is not signed', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      r.headers['x-amz-meta-added'] = 'later';
    });
    await rejectsWith(
      client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'x', Body: 'x' })),
      'AccessDenied',
      403,
    );
  });

  it('refuses a wrong secret and an unknown access key', async () => {
    const known = h.server.credentials[0];
    await rejectsWith(
      clientFor(h.server, { ...known, secretAccessKey: 'x'.repeat(64) }).send(new ListBucketsCommand({})),
      'SignatureDoesNotMatch',
      403,
    );
    await rejectsWith(
      clientFor(h.server, { ...known, accessKeyId: 'f'.repeat(32) }).send(new ListBucketsCommand({})),
      'InvalidAccessKeyId',
      403,
    );
  });

  it('refuses a body that does not match x-amz-content-sha256', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      r.body = 'jello';
    });
    await rejectsWith(
      client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'swapped', Body: 'hello' })),
      'XAmzContentSHA256Mismatch',
      400,
    );
    await rejectsWith(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'swapped' })), 'NoSuchKey', 404);
  });

  it('requires x-amz-content-sha256 on header-signed requests', async () => {
    const client = clientFor(h.server);
    alterSignedRequests(client, (r) => {
      delete r.headers['x-amz-content-sha256'];
    });
    await rejectsWith(client.send(new ListBucketsCommand({})), 'InvalidRequest', 400);
  });

  it('refuses a clock more than 15 minutes off, and accepts 10 minutes', async () => {
    const skewed = clientFor(h.server, undefined, { systemClockOffset: -20 * 60 * 1000, maxAttempts: 1 });
    await rejectsWith(skewed.send(new ListBucketsCommand({})), 'RequestTimeTooSkewed', 403);
    await clientFor(h.server, undefined, { systemClockOffset: 10 * 60 * 1000 }).send(new ListBucketsCommand({}));
  });

  it('refuses unsigned requests', async () => {
    const res = await sendRaw(h.server.endpoint, { method: 'GET', path: '/test-bucket/a%20b/c.txt', headers: {} });
    assert.equal(res.status, 403);
    assert.equal(codeOf(res.body), 'AccessDenied');
  });

  describe('presigned URLs', () => {
    const presign = (options: { expiresIn?: number; signingDate?: Date } = {}): Promise<string> =>
      getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: 'a b/c.txt' }), {
        expiresIn: 60,
        ...options,
      });

    async function fetchCode(url: string): Promise<[number, string | undefined]> {
      const res = await fetch(url);
      return [res.status, codeOf(await res.text())];
    }

    it('serves a valid presigned GET', async () => {
      const res = await fetch(await presign());
      assert.equal(res.status, 200);
      assert.equal(await res.text(), 'hello');
    });

    it('accepts a presigned PUT with its signed content type and metadata', async () => {
      const url = await getSignedUrl(
        h.client,
        new PutObjectCommand({
          Bucket: h.bucket,
          Key: 'presigned put',
          ContentType: 'text/plain',
          Metadata: { origin: 'presign' },
        }),
        { expiresIn: 60 },
      );
      const res = await fetch(url, { method: 'PUT', body: 'uploaded', headers: { 'content-type': 'text/plain' } });
      assert.equal(res.status, 200, await res.text());
      const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'presigned put' }));
      assert.equal(got.ContentType, 'text/plain');
      assert.deepEqual(got.Metadata, { origin: 'presign' });
      assert.equal(await got.Body?.transformToString(), 'uploaded');
    });

    it('refuses a tampered presigned URL', async () => {
      const url = await presign();
      assert.deepEqual(await fetchCode(url.replace('c.txt', 'd.txt')), [403, 'SignatureDoesNotMatch']);
      assert.deepEqual(await fetchCode(`${url}&response-content-type=text%2Fhtml`), [403, 'SignatureDoesNotMatch']);
    });

    it('refuses an expired presigned URL', async () => {
      const url = await presign({ expiresIn: 1, signingDate: new Date(Date.now() - 60_000) });
      const res = await fetch(url);
      assert.equal(res.status, 403);
      const body = await res.text();
      assert.equal(codeOf(body), 'AccessDenied');
      assert.match(body, /Request has expired/);
    });

    it('refuses an expiry over 7 days', async () => {
      const url = (await presign()).replace('X-Amz-Expires=60', 'X-Amz-Expires=604801');
      assert.deepEqual(await fetchCode(url), [400, 'AuthorizationQueryParametersError']);
    });
  });
});
