import assert from 'node:assert/strict';
import { deleteObjects, deletePrefix, headObject, listPage, putObject } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { assertRequests, countRequests, live, newClient, putMany, useBucket } from './helpers';

describe('r2 deletion', () => {
  const bucket = useBucket('r2-delete');

  async function keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '', token }, live);
      keys.push(...page.objects.map((object) => object.key));
      token = page.nextToken;
    } while (token !== undefined);
    return keys;
  }

  it('deletes more than 1000 keys in batches of 1000', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `batch/${i} with space+plus`);
    await putMany(bucket.client, bucket.name, keys);
    countRequests(bucket.requests);
    const result = await deleteObjects(bucket.client, { bucket: bucket.name, keys }, live);
    assertRequests(bucket.requests, { DeleteObjects: 2 });
    assert.equal(result.deleted.length, 1001);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(await keysUnder('batch/'), []);
  });

  it('reports invalid keys per key without sending them, and deletes the rest', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'valid', body: 'v' }, live);
    const tooLong = 'k'.repeat(1025);
    const result = await deleteObjects(bucket.client, { bucket: bucket.name, keys: ['', 'valid', tooLong] }, live);
    assert.deepEqual(result.deleted, ['valid']);
    assert.deepEqual(
      result.errors.map((error) => [error.key, error.code]),
      [
        ['', 'InvalidKey'],
        [tooLong, 'InvalidKey'],
      ],
    );
    assert.ok(result.errors.every((error) => error.message.length > 0));
  });

  it('deletes keys XML cannot carry one request each', async () => {
    const key = 'control\u0001char';
    await putObject(bucket.client, { bucket: bucket.name, key, body: 'c' }, live);
    const result = await deleteObjects(bucket.client, { bucket: bucket.name, keys: [key, 'plain-missing'] }, live);
    assert.deepEqual(result.deleted.sort(), [key, 'plain-missing'].sort());
    assert.deepEqual(await keysUnder('control'), []);
  });

  it('reports the keys the server refused, per key', async function () {
    const readOnly = s3env().readOnly;
    if (readOnly === undefined) {
      // Needs a key that may read but not write: the in-process local server provides one.
      this.skip();
    }
    await putMany(bucket.client, bucket.name, ['kept/a', 'kept/b']);
    const client = newClient({}, readOnly);
    try {
      const result = await deleteObjects(client, { bucket: bucket.name, keys: ['kept/a', 'kept/b'] }, live);
      assert.deepEqual(result.deleted, []);
      assert.deepEqual(
        result.errors.map((error) => [error.key, error.code]),
        [
          ['kept/a', 'AccessDenied'],
          ['kept/b', 'AccessDenied'],
        ],
      );
      assert.deepEqual(await keysUnder('kept/'), ['kept/a', 'kept/b']);
    } finally {
      client.destroy();
    }
  });

  it('deletes a prefix page by page, leaving other keys, with progress', async () => {
    const doomed = Array.from({ length: 2001 }, (_, i) => `doomed/${String(i).padStart(4, '0')}`);
    const survivors = ['doomed', 'doomed-not/x', 'other/doomed/y'];
    await putMany(bucket.client, bucket.name, [...doomed, ...survivors]);
    const progress: number[] = [];
    countRequests(bucket.requests);
    const result = await deletePrefix(
      bucket.client,
      { bucket: bucket.name, prefix: 'doomed/', onProgress: (deleted) => progress.push(deleted) },
      live,
    );
    assert.deepEqual(result, { deleted: 2001, failed: 0, errors: [] });
    // One list and one delete per page: the listing is never held whole.
    assert.deepEqual(progress, [1000, 2000, 2001]);
    assertRequests(bucket.requests, { ListObjectsV2: 3, DeleteObjects: 3 });
    assert.deepEqual(await keysUnder('doomed/'), []);
    for (const key of survivors) {
      await headObject(bucket.client, { bucket: bucket.name, key }, live);
    }
  });

  it('counts failures when deleting a prefix it may not write', async function () {
    const readOnly = s3env().readOnly;
    if (readOnly === undefined) {
      this.skip();
    }
    await putMany(bucket.client, bucket.name, ['locked/1', 'locked/2', 'locked/3']);
    const client = newClient({}, readOnly);
    try {
      const result = await deletePrefix(client, { bucket: bucket.name, prefix: 'locked/' }, live);
      assert.equal(result.deleted, 0);
      assert.equal(result.failed, 3);
      assert.deepEqual(
        result.errors.map((error) => error.code),
        ['AccessDenied', 'AccessDenied', 'AccessDenied'],
      );
    } finally {
      client.destroy();
    }
  });
});
