// PutObject with an in-memory body goes around the SDK (src/r2/signedRequest.ts): what the SDK did
// for it must still happen. It addresses the same host and path, sends the same headers and
// conditions, retries transient failures, and every failure is classified as before.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { Agent as HttpAgent, createServer } from 'node:http';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { headObject, putObject, resolveEndpoint } from '../../../src/r2';
import type { EndpointConfig } from '../../../src/r2';
import { requestTarget } from '../../../src/r2/signedRequest';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, newClient, ODD_KEYS, useBucket } from './helpers';

/** Where the SDK sends a PutObject, read from its finished request without sending it. */
async function sdkTarget(config: EndpointConfig, bucket: string, key: string): Promise<{ host: string; path: string }> {
  const endpoint = resolveEndpoint(config);
  const sdk = new S3Client({
    endpoint: endpoint.url,
    forcePathStyle: endpoint.forcePathStyle,
    region: 'auto',
    credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
  });
  let seen: { host: string; path: string } | undefined;
  sdk.middlewareStack.add(
    () => (args) => {
      const request = args.request as { headers: Record<string, string>; path: string };
      seen = { host: request.headers.host, path: request.path };
      throw new Error('not sent');
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  await sdk.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' })).catch(() => undefined);
  sdk.destroy();
  assert.ok(seen, 'the SDK built a request');
  return seen;
}

describe('r2 in-memory PUTs (signed without the SDK)', () => {
  const bucket = useBucket('r2-in-memory-put');
  afterEach(() => s3env().local?.clearFaults());

  it('addresses the host and path the SDK addresses, for every endpoint kind and odd key', async () => {
    const endpoints: EndpointConfig[] = [
      { kind: 'custom', url: 'http://127.0.0.1:9000' },
      { kind: 'custom', url: 'https://s3.example.com/base/' },
      { kind: 'custom', url: 'https://s3.example.com', forcePathStyle: false },
      { kind: 'r2', accountId: '0123456789abcdef0123456789abcdef', jurisdiction: 'eu' },
    ];
    for (const config of endpoints) {
      for (const bucketName of ['my-bucket', 'with.dots']) {
        for (const key of ODD_KEYS) {
          const ours = requestTarget(resolveEndpoint(config), bucketName, key);
          assert.deepEqual(
            { host: ours.host, path: ours.path },
            await sdkTarget(config, bucketName, key),
            `${JSON.stringify(config)} ${bucketName} ${JSON.stringify(key)}`,
          );
        }
      }
    }
  });

  it('tells its agent the protocol, which a proxy agent would otherwise read from a stack trace', async () => {
    // VS Code's proxy agent (agent-base) reads options.protocol, or else parses a new Error's stack.
    const seen: unknown[] = [];
    // Node's Agent hands every request to addRequest, with the options it was made with (not typed).
    const agent = HttpAgent.prototype as unknown as {
      addRequest(request: unknown, options: { protocol?: string }): void;
    };
    const addRequest = agent.addRequest;
    agent.addRequest = function (this: unknown, request, options) {
      seen.push(options.protocol);
      addRequest.call(this, request, options);
    };
    try {
      await putObject(bucket.client, { bucket: bucket.name, key: 'protocol.txt', body: 'x' }, live);
    } finally {
      agent.addRequest = addRequest;
    }
    assert.deepEqual(seen, [new URL(s3env().endpoint).protocol]);
  });

  it('stores the headers the SDK sends: properties, lower-cased metadata, the default type', async () => {
    const { client, name } = bucket;
    await putObject(
      client,
      {
        bucket: name,
        key: 'headers.txt',
        body: 'hello',
        contentType: 'text/plain; charset=utf-8',
        cacheControl: 'no-cache',
        contentDisposition: 'attachment; filename="h.txt"',
        contentEncoding: 'identity',
        metadata: { Author: 'ada', empty: '' },
      },
      live,
    );
    const head = await headObject(client, { bucket: name, key: 'headers.txt' }, live);
    assert.equal(head.contentType, 'text/plain; charset=utf-8');
    assert.equal(head.cacheControl, 'no-cache');
    assert.equal(head.contentDisposition, 'attachment; filename="h.txt"');
    assert.equal(head.contentEncoding, 'identity');
    assert.deepEqual(head.metadata, { author: 'ada', empty: '' });
    await putObject(client, { bucket: name, key: 'untyped', body: Buffer.from([1, 2, 3]) }, live);
    assert.equal(
      (await headObject(client, { bucket: name, key: 'untyped' }, live)).contentType,
      'application/octet-stream',
    );
  });

  it('sends If-Match and If-None-Match: a stale version and a taken key are refused, nothing written', async () => {
    const { client, name } = bucket;
    const { etag } = await putObject(client, { bucket: name, key: 'conditional', body: 'one' }, live);
    const second = await putObject(client, { bucket: name, key: 'conditional', body: 'two', ifMatch: etag }, live);
    await expectR2Error(
      putObject(client, { bucket: name, key: 'conditional', body: 'three', ifMatch: etag }, live),
      'PreconditionFailed',
    );
    await expectR2Error(
      putObject(client, { bucket: name, key: 'conditional', body: 'four', ifNoneMatch: '*' }, live),
      'AlreadyExists',
    );
    assert.equal((await headObject(client, { bucket: name, key: 'conditional' }, live)).etag, second.etag);
  });

  it('retries 5xx answers and cut connections, counting every attempt, up to maxAttempts', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    const requests = new RequestCounter();
    const client = newClient({ maxAttempts: 3, onRequest: requests.onRequest });
    try {
      local.inject({ type: 'error', status: 503, operation: 'PutObject', times: 2 });
      await putObject(client, { bucket: bucket.name, key: 'flaky', body: 'ok' }, live);
      assert.equal(requests.operations.PutObject, 3);
      requests.reset();
      local.inject({ type: 'cutRequest', afterBytes: 10, operation: 'PutObject', times: 1 });
      await putObject(client, { bucket: bucket.name, key: 'cut', body: Buffer.alloc(64 * 1024, 7) }, live);
      assert.equal(requests.operations.PutObject, 2);
      assert.equal((await headObject(client, { bucket: bucket.name, key: 'cut' }, live)).size, 64 * 1024);
      requests.reset();
      local.inject({ type: 'error', status: 500, operation: 'PutObject', times: 'always' });
      await expectR2Error(putObject(client, { bucket: bucket.name, key: 'failing', body: 'x' }, live), 'ServerError');
      assert.equal(requests.operations.PutObject, 3);
    } finally {
      client.destroy();
    }
  });

  it('classifies a stalled answer as Timeout, a cancel as Cancelled, a wrong secret as InvalidCredentials', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    const slow = newClient({ idleTimeoutMs: 300, maxAttempts: 1 });
    const { accessKeyId } = s3env().credentials;
    const wrongSecret = newClient({}, { accessKeyId, secretAccessKey: 'wrong-secret-0123456789abcdef0123456789' });
    try {
      local.inject({ type: 'delay', ms: 2000, operation: 'PutObject', times: 'always' });
      await expectR2Error(putObject(slow, { bucket: bucket.name, key: 'slow', body: 'x' }, live), 'Timeout');
      const cancel = new AbortController();
      const cancelled = putObject(bucket.client, { bucket: bucket.name, key: 'slow', body: 'x' }, cancel.signal);
      setTimeout(() => cancel.abort(), 100);
      await expectR2Error(cancelled, 'Cancelled');
      local.clearFaults();
      await expectR2Error(
        putObject(wrongSecret, { bucket: bucket.name, key: 'denied', body: 'x' }, live),
        'InvalidCredentials',
      );
    } finally {
      slow.destroy();
      wrongSecret.destroy();
    }
  });

  it('corrects a clock the server refuses (RequestTimeTooSkewed) from its Date, and signs again at once', async () => {
    // A server an hour ahead: it refuses the first request, then checks that the next is signed with its time.
    const serverNow = () => Date.now() + 3600_000;
    const signedAt: number[] = [];
    const server = createServer((request, response) => {
      request.resume();
      const amzDate = String(request.headers['x-amz-date']).replace(
        /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
        '$1-$2-$3T$4:$5:$6Z',
      );
      signedAt.push(Date.parse(amzDate));
      const skewed = Math.abs(signedAt[signedAt.length - 1] - serverNow()) > 15 * 60_000;
      response.writeHead(skewed ? 403 : 200, { date: new Date(serverNow()).toUTCString(), etag: '"abc"' });
      response.end(skewed ? '<Error><Code>RequestTimeTooSkewed</Code></Error>' : '');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    const requests = new RequestCounter();
    const client = newClient({
      endpoint: { kind: 'custom', url: `http://127.0.0.1:${address.port}` },
      onRequest: requests.onRequest,
    });
    try {
      assert.deepEqual(await putObject(client, { bucket: 'b', key: 'k', body: 'x' }, live), { etag: 'abc' });
      assert.equal(requests.operations.PutObject, 2);
      assert.equal(signedAt.length, 2);
      assert.ok(Math.abs(signedAt[1] - serverNow()) < 60_000, 'the second request was signed with the server time');
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('uploading small files loads no SDK, with the layer not bundled too (as the bench runs it); a HEAD does', async () => {
    const layer = resolve(__dirname, '..', '..', '..', 'src', 'r2');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', UPLOAD, layer, bucket.name, __filename], {
      env: {
        ...process.env,
        R2_PROBE: JSON.stringify({ endpoint: s3env().endpoint, credentials: s3env().credentials }),
      },
    });
    assert.deepEqual(JSON.parse(stdout), { sdkAfterUpload: false, sdkAfterHead: true });
  });
});

/** Uploads a file (this test's own) create-only with a type, then sends a HEAD, telling when the SDK loaded. */
const UPLOAD = `
const [layer, bucket, file] = process.argv.slice(1);
const r2 = require(layer);
const sdkLoaded = () => Object.keys(require.cache).some((path) => path.includes('@aws-sdk'));
const { endpoint, credentials } = JSON.parse(process.env.R2_PROBE);
const client = new r2.R2Client({ endpoint: { kind: 'custom', url: endpoint }, credentials });
const signal = new AbortController().signal;
(async () => {
  const key = 'lean-upload-' + Date.now();
  await r2.uploadFile(client, { bucket, key, filePath: file, contentType: 'text/javascript', ifNoneMatch: '*' }, signal);
  const sdkAfterUpload = sdkLoaded();
  await r2.headObject(client, { bucket, key }, signal);
  process.stdout.write(JSON.stringify({ sdkAfterUpload, sdkAfterHead: sdkLoaded() }));
  client.destroy();
})();
`;
