import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { R2Stats } from '../../support/r2server';
import { clientFor, rejectsWith, useServer } from './helpers';

describe('r2server: stats and faults', function () {
  const h = useServer();
  const payload = Buffer.alloc(256 * 1024, 7);

  before(async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'blob', Body: payload }));
  });
  afterEach(() => h.server.clearFaults());

  const control = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`${h.server.endpoint}/__r2/${path}`, init);
  const noRetry = () => clientFor(h.server, undefined, { maxAttempts: 1 });

  it('counts requests per operation and per R2 class', async () => {
    h.server.resetStats();
    await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket }));
    await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket }));
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    await rejectsWith(h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'missing' })), 'NoSuchKey');
    const stats = h.server.stats();
    assert.deepEqual(stats, {
      operations: { GetObject: 1, HeadObject: 1, ListObjectsV2: 2 },
      classA: 2,
      classB: 2,
      free: 0,
      total: 4,
      peakInFlight: { GetObject: 1, HeadObject: 1, ListObjectsV2: 1 },
      expectContinue: {},
    } satisfies R2Stats);
  });

  it('tells the most requests of an operation it handled at once', async () => {
    // Delayed, three HEADs are all being handled before the first is answered.
    h.server.inject({ type: 'delay', ms: 50, operation: 'HeadObject', times: 3 });
    h.server.resetStats();
    await Promise.all([1, 2, 3].map(() => h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }))));
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.deepEqual(h.server.stats().peakInFlight, { HeadObject: 3 });
    h.server.resetStats();
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.deepEqual(h.server.stats().peakInFlight, { HeadObject: 1 });
  });

  it('serves stats and takes faults over the control endpoint', async () => {
    await control('stats/reset', { method: 'POST' });
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    const stats = (await (await control('stats')).json()) as R2Stats;
    assert.deepEqual(stats.operations, { HeadObject: 1 });

    const armed = await control('faults', {
      method: 'POST',
      body: JSON.stringify({ type: 'error', status: 503, operation: 'HeadObject', times: 2 }),
    });
    assert.equal(armed.status, 200);
    assert.deepEqual(await armed.json(), [{ type: 'error', status: 503, operation: 'HeadObject', times: 2 }]);
    await assert.rejects(
      noRetry().send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 503,
    );
    assert.deepEqual(await (await control('faults')).json(), [
      { type: 'error', status: 503, operation: 'HeadObject', times: 1 },
    ]);
    assert.equal((await control('faults', { method: 'DELETE' })).status, 204);
    await noRetry().send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));

    const invalid = await control('faults', { method: 'POST', body: JSON.stringify({ type: 'explode' }) });
    assert.equal(invalid.status, 400);
  });

  it('fails exactly N requests, then succeeds', async () => {
    h.server.inject({ type: 'error', operation: 'GetObject', times: 2 });
    const client = noRetry();
    await rejectsWith(client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' })), 'InternalError', 500);
    // Other operations are not affected by a fault aimed at GetObject.
    await client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    await rejectsWith(client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' })), 'InternalError', 500);
    const got = await client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.equal((await got.Body?.transformToByteArray())?.length, payload.length);

    h.server.inject({ type: 'error', status: 503, times: 2 });
    h.server.resetStats();
    // The SDK's standard retries (3 attempts) ride over two SlowDowns.
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.equal(h.server.stats().operations.HeadObject, 3);
  });

  it('cuts a GET mid-body, leaving the object intact', async () => {
    h.server.inject({ type: 'cutResponse', operation: 'GetObject', afterBytes: 1000 });
    const res = await noRetry().send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.equal(res.ContentLength, payload.length);
    await assert.rejects(res.Body?.transformToByteArray() ?? Promise.resolve());
    const again = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.ok(Buffer.from((await again.Body?.transformToByteArray()) ?? []).equals(payload));
  });

  it('cuts a PUT mid-body: no object is created or changed', async () => {
    const client = noRetry();
    h.server.inject({ type: 'cutRequest', operation: 'PutObject', afterBytes: 64 * 1024, times: 2 });
    await assert.rejects(client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'never', Body: payload })));
    await assert.rejects(
      client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'never' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 404,
    );
    await assert.rejects(
      client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'blob', Body: Buffer.alloc(payload.length, 9) })),
    );
    const got = await client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.ok(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(payload));
  });

  it('delays responses of one operation', async () => {
    h.server.inject({ type: 'delay', operation: 'ListObjectsV2', ms: 300 });
    let start = Date.now();
    await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
    assert.ok(Date.now() - start < 250, 'other operations are not delayed');
    start = Date.now();
    await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket }));
    assert.ok(Date.now() - start >= 300);
    start = Date.now();
    await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket }));
    assert.ok(Date.now() - start < 250, 'the delay was consumed once');
  });

  it("writes as another client just before a request, so the request sees the other writer's version", async () => {
    h.server.inject({ type: 'write', operation: 'GetObject', bucket: h.bucket, key: 'raced', body: 'theirs' });
    await assert.rejects(h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'raced' })));
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'raced' }));
    assert.equal(await got.Body?.transformToString(), 'theirs');
    assert.equal(got.ETag, `"${createHash('md5').update('theirs').digest('hex')}"`);
    h.server.inject({ type: 'write', operation: 'HeadObject', bucket: h.bucket, key: 'raced', body: null });
    await assert.rejects(
      h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'raced' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 404,
    );
  });

  it('compares If-Match on PutObject as Ceph RGW 16 does, when asked: the bare MD5 only', async () => {
    const { ETag } = await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v1' }));
    const bare = (ETag ?? '').replace(/"/g, '');
    h.server.inject({ type: 'rgwIfMatch', operation: 'PutObject', times: 'always' });
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v2', IfMatch: ETag })),
      'PreconditionFailed',
      412,
    );
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v2', IfMatch: bare }));
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v3', IfMatch: bare })),
      'PreconditionFailed',
      412,
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw-absent', Body: 'v1', IfMatch: bare })),
      'PreconditionFailed',
      412,
    );
    await rejectsWith(
      h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v3', IfNoneMatch: '*' })),
      'PreconditionFailed',
      412,
    );
    // Reads are not affected (RGW compares GET's If-Match like S3).
    await h.client.send(
      new GetObjectCommand({
        Bucket: h.bucket,
        Key: 'rgw',
        IfMatch: `"${createHash('md5').update('v2').digest('hex')}"`,
      }),
    );
    h.server.clearFaults();
    const current = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'rgw' }));
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'rgw', Body: 'v3', IfMatch: current.ETag }));
  });

  it('keeps a fault with times "always" until cleared', async () => {
    h.server.inject({ type: 'error', operation: 'HeadObject', times: 'always' });
    for (let i = 0; i < 3; i++) {
      await assert.rejects(noRetry().send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' })));
    }
    assert.deepEqual(h.server.faults(), [{ type: 'error', operation: 'HeadObject', times: 'always' }]);
    h.server.clearFaults();
    await noRetry().send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'blob' }));
  });
});
