import assert from 'node:assert/strict';
import type { CorsRule, LifecycleRule } from '../../../src/r2';
import {
  createBucket,
  deleteBucket,
  deleteBucketCors,
  deleteBucketLifecycle,
  deleteObject,
  getBucketCors,
  getBucketLifecycle,
  headBucket,
  listBuckets,
  putBucketCors,
  putBucketLifecycle,
  putObject,
} from '../../../src/r2';
import type { R2Client } from '../../../src/r2';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import { assertRequests, countRequests, expectR2Error, live, newClient, uniqueName, useBucket } from './helpers';

describe('r2 buckets', () => {
  let client: R2Client;
  const requests = new RequestCounter();

  before(() => {
    client = newClient({ onRequest: requests.onRequest });
  });

  after(() => {
    client.destroy();
  });

  it('creates, finds, lists and deletes a bucket', async () => {
    const name = uniqueName('r2-bucket');
    await createBucket(client, { bucket: name }, live);
    try {
      await headBucket(client, name, live);
      const listed = (await listBuckets(client, live)).find((bucket) => bucket.name === name);
      assert.ok(listed, 'the new bucket is listed');
      assert.ok(listed.creationDate instanceof Date);
    } finally {
      await deleteBucket(client, name, live);
    }
    await expectR2Error(headBucket(client, name, live), 'NoSuchBucket');
  });

  it('refuses invalid names before any request', async () => {
    countRequests(requests);
    for (const name of ['ab', 'Upper-case', 'dot.ted', '-dash', 'dash-', 'x'.repeat(64), 'under_score']) {
      const error = await expectR2Error(createBucket(client, { bucket: name }, live), 'InvalidBucketName');
      assert.ok(error.message.length > 0);
    }
    assertRequests(requests, {});
  });

  it('reports an existing bucket as BucketAlreadyExists', async function () {
    if (s3env().flavour === 'rgw') {
      // RGW 16 answers 200 when the owner re-creates a bucket (S3's legacy us-east-1 behaviour).
      this.skip();
    }
    const name = uniqueName('r2-bucket-twice');
    await createBucket(client, { bucket: name }, live);
    try {
      await expectR2Error(createBucket(client, { bucket: name }, live), 'BucketAlreadyExists');
    } finally {
      await deleteBucket(client, name, live);
    }
  });

  it('creates a bucket with a location hint', async function () {
    if (s3env().flavour === 'rgw') {
      // RGW knows only its own zonegroup names as location constraints: R2's hints are refused.
      this.skip();
    }
    const name = uniqueName('r2-bucket-hint');
    await createBucket(client, { bucket: name, locationHint: 'weur' }, live);
    await deleteBucket(client, name, live);
  });

  it('deletes only empty buckets', async () => {
    const name = uniqueName('r2-bucket-full');
    await createBucket(client, { bucket: name }, live);
    await putObject(client, { bucket: name, key: 'x', body: 'x' }, live);
    await expectR2Error(deleteBucket(client, name, live), 'BucketNotEmpty');
    await deleteObject(client, { bucket: name, key: 'x' }, live);
    await deleteBucket(client, name, live);
  });

  it('gives AccessDenied on ListBuckets to a bucket-scoped key, which can still use its bucket', async function () {
    const scoped = s3env().scoped;
    if (scoped === undefined) {
      // RGW has no bucket-scoped keys like R2's object-level tokens: local server only.
      this.skip();
    }
    await createBucket(client, { bucket: scoped.bucket }, live);
    const scopedClient = newClient({}, scoped);
    try {
      await expectR2Error(listBuckets(scopedClient, live), 'AccessDenied');
      await headBucket(scopedClient, scoped.bucket, live);
      const other = uniqueName('r2-not-scoped');
      await createBucket(client, { bucket: other }, live);
      await expectR2Error(headBucket(scopedClient, other, live), 'AccessDenied');
      await deleteBucket(client, other, live);
    } finally {
      scopedClient.destroy();
      await deleteBucket(client, scoped.bucket, live);
    }
  });

  describe('CORS and lifecycle', () => {
    const bucket = useBucket('r2-bucket-config');

    it('reads no CORS rules from a fresh bucket, then stores, reads and deletes them', async () => {
      assert.deepEqual(await getBucketCors(bucket.client, bucket.name, live), []);
      const rules: CorsRule[] = [
        {
          AllowedOrigins: ['https://example.com'],
          AllowedMethods: ['GET', 'PUT'],
          AllowedHeaders: ['content-type'],
          ExposeHeaders: ['etag'],
          MaxAgeSeconds: 3600,
        },
        { AllowedOrigins: ['*'], AllowedMethods: ['HEAD'] },
      ];
      await putBucketCors(bucket.client, bucket.name, rules, live);
      const stored = await getBucketCors(bucket.client, bucket.name, live);
      assert.equal(stored.length, 2);
      assert.deepEqual(stored[0].AllowedOrigins, ['https://example.com']);
      assert.deepEqual(stored[0].AllowedMethods, ['GET', 'PUT']);
      assert.equal(stored[0].MaxAgeSeconds, 3600);
      assert.deepEqual(stored[1].AllowedMethods, ['HEAD']);
      await deleteBucketCors(bucket.client, bucket.name, live);
      assert.deepEqual(await getBucketCors(bucket.client, bucket.name, live), []);
    });

    it('reads no lifecycle rules from a fresh bucket, then stores, reads and deletes them', async () => {
      assert.deepEqual(await getBucketLifecycle(bucket.client, bucket.name, live), []);
      const rules: LifecycleRule[] = [
        { ID: 'expire-logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } },
        {
          ID: 'abort-uploads',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
      ];
      await putBucketLifecycle(bucket.client, bucket.name, rules, live);
      // RGW returns the rules sorted by ID; R2 and S3 in the order stored.
      const stored = (await getBucketLifecycle(bucket.client, bucket.name, live)).sort((a, b) =>
        (a.ID ?? '').localeCompare(b.ID ?? ''),
      );
      assert.deepEqual(
        stored.map((rule) => [rule.ID, rule.Status, rule.Filter?.Prefix]),
        [
          ['abort-uploads', 'Enabled', ''],
          ['expire-logs', 'Enabled', 'logs/'],
        ],
      );
      assert.equal(stored[0].AbortIncompleteMultipartUpload?.DaysAfterInitiation, 7);
      assert.equal(stored[1].Expiration?.Days, 30);
      await deleteBucketLifecycle(bucket.client, bucket.name, live);
      assert.deepEqual(await getBucketLifecycle(bucket.client, bucket.name, live), []);
    });
  });
});
