import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { getObjectBytes, headObject, MAX_PRESIGN_SECONDS, presignUrl, putObject } from '../../../src/r2';
import { assertRequests, countRequests, expectR2Error, live, useBucket } from './helpers';

describe('r2 presigned URLs', () => {
  const bucket = useBucket('r2-presign');
  const keys = ['plain.txt', 'ünïcødé/日本語 + space.txt', 'hash#and?query=1', '/leading//double'];

  before(async () => {
    for (const key of keys) {
      await putObject(
        bucket.client,
        { bucket: bucket.name, key, body: `body of ${key}`, contentType: 'text/plain' },
        live,
      );
    }
  });

  for (const key of keys) {
    it(`GET and HEAD URLs work with plain fetch for ${JSON.stringify(key)}`, async () => {
      const get = await presignUrl(bucket.client, { bucket: bucket.name, key, method: 'GET', expiresInSeconds: 60 });
      const got = await fetch(get);
      assert.equal(got.status, 200);
      assert.equal(await got.text(), `body of ${key}`);
      const head = await presignUrl(bucket.client, { bucket: bucket.name, key, method: 'HEAD', expiresInSeconds: 60 });
      const headed = await fetch(head, { method: 'HEAD' });
      assert.equal(headed.status, 200);
      assert.equal(headed.headers.get('content-length'), String(Buffer.byteLength(`body of ${key}`)));
    });
  }

  it('a PUT URL uploads an object', async () => {
    const url = await presignUrl(bucket.client, {
      bucket: bucket.name,
      key: 'uploaded via url',
      method: 'PUT',
      expiresInSeconds: 60,
    });
    const response = await fetch(url, { method: 'PUT', body: 'from a browser' });
    assert.equal(response.status, 200);
    const { bytes } = await getObjectBytes(
      bucket.client,
      { bucket: bucket.name, key: 'uploaded via url', maxBytes: 100 },
      live,
    );
    assert.equal(bytes.toString(), 'from a browser');
  });

  it('a PUT URL bound to a Content-Type requires exactly that type', async () => {
    const url = await presignUrl(bucket.client, {
      bucket: bucket.name,
      key: 'typed.json',
      method: 'PUT',
      expiresInSeconds: 60,
      contentType: 'application/json',
    });
    const wrong = await fetch(url, { method: 'PUT', body: '{}', headers: { 'content-type': 'text/plain' } });
    assert.equal(wrong.status, 403);
    const right = await fetch(url, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(right.status, 200);
    assert.equal(
      (await headObject(bucket.client, { bucket: bucket.name, key: 'typed.json' }, live)).contentType,
      'application/json',
    );
  });

  it('a tampered URL is refused', async () => {
    const url = new URL(
      await presignUrl(bucket.client, { bucket: bucket.name, key: 'plain.txt', method: 'GET', expiresInSeconds: 60 }),
    );
    url.pathname = url.pathname.replace('plain.txt', 'other.txt');
    assert.equal((await fetch(url)).status, 403);
  });

  it('a URL stops working when it expires', async () => {
    const url = await presignUrl(bucket.client, {
      bucket: bucket.name,
      key: 'plain.txt',
      method: 'GET',
      expiresInSeconds: 1,
    });
    await sleep(2100);
    assert.equal((await fetch(url)).status, 403);
  });

  it('signs 1 s to 7 days without a request, and refuses anything else', async () => {
    countRequests(bucket.requests);
    for (const expiresInSeconds of [1, MAX_PRESIGN_SECONDS]) {
      const url = await presignUrl(bucket.client, {
        bucket: bucket.name,
        key: 'plain.txt',
        method: 'GET',
        expiresInSeconds,
      });
      assert.equal(new URL(url).searchParams.get('X-Amz-Expires'), String(expiresInSeconds));
    }
    for (const expiresInSeconds of [0, -1, 1.5, MAX_PRESIGN_SECONDS + 1, Number.NaN]) {
      await expectR2Error(
        presignUrl(bucket.client, { bucket: bucket.name, key: 'plain.txt', method: 'GET', expiresInSeconds }),
        'InvalidArgument',
      );
    }
    await expectR2Error(
      presignUrl(bucket.client, {
        bucket: bucket.name,
        key: 'plain.txt',
        method: 'GET',
        expiresInSeconds: 60,
        contentType: 'a/b',
      }),
      'InvalidArgument',
    );
    await expectR2Error(
      presignUrl(bucket.client, { bucket: bucket.name, key: '', method: 'GET', expiresInSeconds: 60 }),
      'InvalidKey',
    );
    assertRequests(bucket.requests, {});
  });
});
