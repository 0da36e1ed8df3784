// Moving a folder: every key below it, one copy and one delete each, on the local server and RGW.
import assert from 'node:assert/strict';
import {
  copyObject,
  createBucket,
  deleteBucket,
  deletePrefix,
  getObjectBytes,
  listPage,
  movePrefix,
  putObject,
} from '../../../src/r2';
import { assertRequests, countRequests, expectR2Error, live, putMany, uniqueName, useBucket } from './helpers';

describe('r2 movePrefix', () => {
  const bucket = useBucket('r2-move-prefix');

  const at = (key: string) => ({ bucket: bucket.name, key });

  async function keysUnder(bucketName: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await listPage(bucket.client, { bucket: bucketName, prefix, delimiter: '', token }, live);
      keys.push(...page.objects.map((object) => object.key));
      token = page.nextToken;
    } while (token !== undefined);
    return keys.sort();
  }

  it('moves every key below the folder, its marker and odd names included, and nothing beside it', async () => {
    const inside = ['old/', 'old/a.txt', 'old/sub/', 'old/sub/b c+d.txt', 'old//double', 'old/ünï/日本.txt'];
    const beside = ['old', 'old-not/x', 'other/old/y'];
    await putMany(bucket.client, bucket.name, [...inside, ...beside]);
    // Pages of two: the listing starts again after each page, since moved keys are gone.
    const result = await movePrefix(
      bucket.client,
      {
        source: { bucket: bucket.name, prefix: 'old' },
        destination: { bucket: bucket.name, prefix: 'new/deeper/' },
        pageSize: 2,
      },
      live,
    );
    assert.deepEqual(result, { moved: inside.length });
    const moved = inside.map((key) => `new/deeper/${key.slice('old/'.length)}`);
    assert.deepEqual(await keysUnder(bucket.name, ''), [...moved, ...beside].sort());
  });

  it('moves a folder to another bucket', async () => {
    const other = uniqueName('r2-move-target');
    await createBucket(bucket.client, { bucket: other }, live);
    try {
      await putMany(bucket.client, bucket.name, ['across/1', 'across/2/3']);
      await movePrefix(
        bucket.client,
        { source: { bucket: bucket.name, prefix: 'across/' }, destination: { bucket: other, prefix: '' } },
        live,
      );
      assert.deepEqual(await keysUnder(bucket.name, 'across/'), []);
      assert.deepEqual(await keysUnder(other, ''), ['1', '2/3']);
    } finally {
      await deletePrefix(bucket.client, { bucket: other, prefix: '' }, live);
      await deleteBucket(bucket.client, other, live);
    }
  });

  it('lists once and moves each key with a HEAD, a conditional copy, a HEAD and a delete', async () => {
    await putMany(bucket.client, bucket.name, ['counted/1', 'counted/2']);
    countRequests(bucket.requests);
    await movePrefix(
      bucket.client,
      { source: { bucket: bucket.name, prefix: 'counted/' }, destination: { bucket: bucket.name, prefix: 'tallied/' } },
      live,
    );
    assertRequests(bucket.requests, { ListObjectsV2: 1, HeadObject: 4, CopyObject: 2, DeleteObject: 2 });
  });

  it('creates only: a taken key stops the move and is kept; one holding the same object has only its source deleted', async () => {
    await putMany(bucket.client, bucket.name, ['half/a', 'half/b', 'half/c']);
    // What a move stopped between a copy and its delete leaves: the same object at both places.
    await copyObject(bucket.client, { source: at('half/a'), destination: at('done/a') }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'done/c', body: 'theirs' }, live);
    countRequests(bucket.requests);
    const move = movePrefix(
      bucket.client,
      { source: { bucket: bucket.name, prefix: 'half/' }, destination: { bucket: bucket.name, prefix: 'done/' } },
      live,
    );
    await expectR2Error(move, 'AlreadyExists');
    // a: HEAD of the destination (taken), HEAD to compare it, HEAD of the source, delete. b: moved.
    // c: HEAD of the destination (taken), HEAD to compare it: another object, so the move stops.
    assertRequests(bucket.requests, { ListObjectsV2: 1, HeadObject: 3 + 2 + 2, CopyObject: 1, DeleteObject: 2 });
    assert.deepEqual(await keysUnder(bucket.name, 'half/'), ['half/c']);
    assert.deepEqual(await keysUnder(bucket.name, 'done/'), ['done/a', 'done/b', 'done/c']);
    const read = async (key: string) =>
      (await getObjectBytes(bucket.client, { ...at(key), maxBytes: 100 }, live)).bytes.toString();
    assert.equal(await read('done/a'), 'half/a');
    assert.equal(await read('done/c'), 'theirs');
  });

  it('refuses to move a folder into itself, before any request', async () => {
    await putMany(bucket.client, bucket.name, ['self/a']);
    countRequests(bucket.requests);
    for (const destination of ['self/', 'self/inner/', 'self']) {
      const error = await expectR2Error(
        movePrefix(
          bucket.client,
          {
            source: { bucket: bucket.name, prefix: 'self/' },
            destination: { bucket: bucket.name, prefix: destination },
          },
          live,
        ),
        'InvalidArgument',
      );
      assert.equal(error.message, '"self/" cannot be moved into itself.');
    }
    assertRequests(bucket.requests, {});
    assert.deepEqual(await keysUnder(bucket.name, 'self/'), ['self/a']);
  });

  it('moves nothing from an empty folder', async () => {
    assert.deepEqual(
      await movePrefix(
        bucket.client,
        {
          source: { bucket: bucket.name, prefix: 'nothing/' },
          destination: { bucket: bucket.name, prefix: 'elsewhere/' },
        },
        live,
      ),
      { moved: 0 },
    );
  });
});
