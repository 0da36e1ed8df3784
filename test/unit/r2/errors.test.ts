// Error classification against a real server, retries, timeouts, cancellation, and secret hygiene.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { inspect } from 'node:util';
import type { R2Client, R2Error } from '../../../src/r2';
import {
  classifyError,
  getObjectBytes,
  headBucket,
  headObject,
  listBuckets,
  listPage,
  putObject,
} from '../../../src/r2';
import { DeadlineExceeded, deadline } from '../../../src/r2/deadline';
import { freePort } from '../../support/freePort';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, newClient, useBucket } from './helpers';

/** A TCP server that accepts connections and never answers. */
async function startBlackHole(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function clientFor(url: string, overrides: Parameters<typeof newClient>[0] = {}): R2Client {
  return newClient({ endpoint: { kind: 'custom', url }, ...overrides });
}

describe('r2 errors', () => {
  const bucket = useBucket('r2-errors');
  const collected: R2Error[] = [];

  async function expectCode(work: Promise<unknown>, code: R2Error['code']): Promise<R2Error> {
    const error = (await expectR2Error(work, code)) as R2Error;
    collected.push(error);
    return error;
  }

  afterEach(() => {
    s3env().local?.clearFaults();
  });

  it('classifies a wrong secret and an unknown key as InvalidCredentials', async () => {
    const { accessKeyId } = s3env().credentials;
    const wrongSecret = newClient({}, { accessKeyId, secretAccessKey: 'wrong-secret-0123456789abcdef0123456789' });
    const unknownKey = newClient(
      {},
      { accessKeyId: 'ffffffffffffffffffffffffffffffff', secretAccessKey: s3env().credentials.secretAccessKey },
    );
    try {
      await expectCode(listBuckets(wrongSecret, live), 'InvalidCredentials');
      await expectCode(listPage(wrongSecret, { bucket: bucket.name }, live), 'InvalidCredentials');
      // Signed without the SDK (signedRequest.ts): its errors are collected for the secret check too.
      await expectCode(
        putObject(wrongSecret, { bucket: bucket.name, key: 'x', body: 'x' }, live),
        'InvalidCredentials',
      );
      await expectCode(listBuckets(unknownKey, live), 'InvalidCredentials');
      // A HEAD response has no body to tell why: a bad signature is only "403".
      await expectCode(headObject(wrongSecret, { bucket: bucket.name, key: 'x' }, live), 'AccessDenied');
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
    }
  });

  it('classifies missing buckets and keys, from bodies and from bodiless HEADs', async () => {
    const missing = await expectCode(
      listPage(bucket.client, { bucket: 'no-such-bucket-r2-test' }, live),
      'NoSuchBucket',
    );
    assert.equal(missing.bucket, 'no-such-bucket-r2-test');
    assert.equal(missing.status, 404);
    assert.equal(missing.operation, 'ListObjectsV2');
    await expectCode(headBucket(bucket.client, 'no-such-bucket-r2-test', live), 'NoSuchBucket');
    await expectCode(
      putObject(bucket.client, { bucket: 'no-such-bucket-r2-test', key: 'k', body: 'x' }, live),
      'NoSuchBucket',
    );
    const key = await expectCode(
      getObjectBytes(bucket.client, { bucket: bucket.name, key: 'no/such key', maxBytes: 1 }, live),
      'NoSuchKey',
    );
    assert.equal(key.key, 'no/such key');
    assert.match(key.message, /no\/such key/);
    await expectCode(headObject(bucket.client, { bucket: bucket.name, key: 'no/such key' }, live), 'NoSuchKey');
  });

  it('classifies a refused connection as Network', async () => {
    const client = clientFor(`http://127.0.0.1:${await freePort()}`, { maxAttempts: 2 });
    try {
      await expectCode(listBuckets(client, live), 'Network');
    } finally {
      client.destroy();
    }
  });

  it('classifies a server that never answers as Timeout', async () => {
    const hole = await startBlackHole();
    const client = clientFor(hole.url, { idleTimeoutMs: 300, maxAttempts: 1 });
    try {
      await expectCode(listBuckets(client, live), 'Timeout');
    } finally {
      client.destroy();
      await hole.close();
    }
  });

  it('classifies a slow local server as Timeout', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    local.inject({ type: 'delay', ms: 1500, operation: 'HeadBucket', times: 'always' });
    const client = newClient({ idleTimeoutMs: 300, maxAttempts: 2 });
    try {
      await expectCode(headBucket(client, bucket.name, live), 'Timeout');
    } finally {
      client.destroy();
    }
  });

  it('classifies cancellation as Cancelled, before and during a request', async () => {
    const before = new AbortController();
    before.abort();
    await expectCode(listBuckets(bucket.client, before.signal), 'Cancelled');
    const hole = await startBlackHole();
    const client = clientFor(hole.url);
    try {
      const during = new AbortController();
      const request = listBuckets(client, during.signal);
      setTimeout(() => during.abort(), 100);
      await expectCode(request, 'Cancelled');
    } finally {
      client.destroy();
      await hole.close();
    }
  });

  it('classifies a deadline that fires as Timeout, alone or combined with a Cancel, and only the Cancel as Cancelled', async () => {
    const hole = await startBlackHole();
    // A long idle timeout: only the request's own deadline can end these requests.
    const client = clientFor(hole.url, { idleTimeoutMs: 60_000 });
    try {
      await expectCode(listBuckets(client, AbortSignal.timeout(200)), 'Timeout');
      const user = new AbortController();
      await expectCode(listBuckets(client, AbortSignal.any([user.signal, AbortSignal.timeout(200)])), 'Timeout');
      const cancelled = listBuckets(client, AbortSignal.any([user.signal, AbortSignal.timeout(60_000)]));
      setTimeout(() => user.abort(), 100);
      await expectCode(cancelled, 'Cancelled');
    } finally {
      client.destroy();
      await hole.close();
    }
  });

  it("names the seconds of a client's deadline, and of a deadline that reached an abort error as its cause", async () => {
    const hole = await startBlackHole();
    const client = clientFor(hole.url, { idleTimeoutMs: 300 });
    try {
      const error = await expectCode(listBuckets(client, client.deadline()), 'Timeout');
      assert.equal(error.message, 'The server did not respond within 0.3 seconds.');
      const oneSecond = await expectCode(listBuckets(client, deadline(1000)), 'Timeout');
      assert.equal(oneSecond.message, 'The server did not respond within 1 second.');
    } finally {
      client.destroy();
      await hole.close();
    }
    const sdkAbort = Object.assign(new Error('Request aborted'), {
      name: 'AbortError',
      cause: new DeadlineExceeded(60),
    });
    assert.equal(
      classifyError(sdkAbort, { operation: 'HeadObject' }).message,
      'The server did not respond within 60 seconds.',
    );
    const nodeAbort = Object.assign(new Error('The operation was aborted'), {
      code: 'ABORT_ERR',
      cause: new DOMException('timed out', 'TimeoutError'),
    });
    assert.equal(classifyError(nodeAbort, { operation: 'HeadObject' }).code, 'Timeout');
    const userAbort = Object.assign(new Error('The operation was aborted'), {
      code: 'ABORT_ERR',
      cause: new DOMException('aborted', 'AbortError'),
    });
    assert.equal(classifyError(userAbort, { operation: 'HeadObject' }).code, 'Cancelled');
  });

  it('retries 5xx answers a bounded number of times', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    await putObject(bucket.client, { bucket: bucket.name, key: 'flaky', body: 'ok' }, live);
    local.resetStats();
    local.inject({ type: 'error', status: 503, operation: 'GetObject', times: 2 });
    const { bytes } = await getObjectBytes(bucket.client, { bucket: bucket.name, key: 'flaky', maxBytes: 10 }, live);
    assert.equal(bytes.toString(), 'ok');
    assert.equal(local.stats().operations.GetObject, 3);

    local.resetStats();
    local.inject({ type: 'error', status: 500, operation: 'HeadObject', times: 'always' });
    const client = newClient({ maxAttempts: 3 });
    try {
      await expectCode(headObject(client, { bucket: bucket.name, key: 'flaky' }, live), 'ServerError');
      assert.equal(local.stats().operations.HeadObject, 3);
    } finally {
      client.destroy();
    }
  });

  it('never shows the secret in any error, or in the client', () => {
    assert.ok(collected.length >= 10, 'the tests above collected errors');
    const secrets = [s3env().credentials.secretAccessKey, 'wrong-secret-0123456789abcdef0123456789'];
    for (const error of collected) {
      const views = [
        String(error),
        error.message,
        error.stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 6 }),
      ];
      for (const view of views) {
        for (const secret of secrets) {
          assert.ok(!view.includes(secret), `${error.code} error shows the secret`);
        }
      }
    }
    const views = [
      String(bucket.client),
      JSON.stringify(bucket.client),
      inspect(bucket.client, { depth: 6, showHidden: true }),
    ];
    for (const view of views) {
      assert.ok(!view.includes(secrets[0]), 'the client shows the secret');
    }
  });
});
