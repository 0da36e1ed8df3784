// The account check against the local server: which kind of token, and whether it may write,
// learnt without writing anything.
import assert from 'node:assert/strict';
import { validateAccount } from '../../../src/accounts/validateAccount';
import { createBucket, deleteBucket, listPage, putObject } from '../../../src/r2';
import type { EndpointConfig } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { live, useBucket } from '../r2/helpers';

describe('validateAccount', () => {
  const bucket = useBucket('check-account');
  const endpoint = (): EndpointConfig => ({ kind: 'custom', url: s3env().endpoint, forcePathStyle: true });
  /** Every key in the bucket with its ETag: what the check must leave as it found it. */
  const contents = async () =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix: '', delimiter: '' }, live)).objects.map(
      ({ key, etag }) => ({ key, etag }),
    );

  before(async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'kept.txt', body: 'kept' }, live);
  });

  it('an admin key that may write: admin, canWrite, and the bucket unchanged', async () => {
    const before = await contents();
    assert.deepEqual(await validateAccount(endpoint(), s3env().credentials, live), { kind: 'admin', canWrite: true });
    assert.deepEqual(await contents(), before);
  });

  it('a read-only key: canWrite false, found by a write the server refuses', async () => {
    const before = await contents();
    assert.deepEqual(await validateAccount(endpoint(), s3env().readOnly!, live), { kind: 'admin', canWrite: false });
    assert.deepEqual(await contents(), before);
  });

  it('a key scoped to a bucket: nothing known of writing until a bucket is named, then asked there', async () => {
    const scoped = s3env().scoped!;
    assert.deepEqual(await validateAccount(endpoint(), scoped, live), { kind: 'bucketScoped' });
    await createBucket(bucket.client, { bucket: scoped.bucket }, live);
    try {
      assert.deepEqual(await validateAccount(endpoint(), scoped, live, scoped.bucket), {
        kind: 'bucketScoped',
        canWrite: true,
      });
    } finally {
      await deleteBucket(bucket.client, scoped.bucket, live);
    }
  });
});
