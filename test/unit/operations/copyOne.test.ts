// One copy or move's conflict decision against the local server, whose 'write' fault plays another
// client writing a key between two of our requests.
import assert from 'node:assert/strict';
import { getObjectBytes, headObject, putObject } from '../../../src/r2';
import type { R2Client } from '../../../src/r2';
import { copyOne, moveOne } from '../../../src/operations/copyOne';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, newClient, useBucket } from '../r2/helpers';
import { answering } from './scriptedConflicts';

describe('copyOne and moveOne: conflicts', () => {
  const bucket = useBucket('copy-one');
  /** Another account's client: a copy to it streams the bytes through this machine. */
  let other: R2Client;

  before(function () {
    if (s3env().local === undefined) {
      // The races are forced through the local server's faults.
      this.skip();
    }
    other = newClient();
  });
  after(() => other?.destroy());
  afterEach(() => s3env().local?.clearFaults());

  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes.toString();
  const exists = (key: string) =>
    headObject(bucket.client, { bucket: bucket.name, key }, live).then(
      () => true,
      () => false,
    );
  const anotherClientWrites = (operation: string, key: string, body: string | null) => () =>
    s3env().local?.inject({ type: 'write', operation, bucket: bucket.name, key, body });

  async function source(key: string, body: string) {
    const { etag } = await putObject(bucket.client, { bucket: bucket.name, key, body }, live);
    return { client: bucket.client, bucket: bucket.name, key, etag };
  }

  for (const serverSide of [true, false]) {
    const how = serverSide ? 'server-side' : 'streamed to another account';
    const copyOperation = serverSide ? 'CopyObject' : 'PutObject';

    it(`copy (${how}): a key created at the destination after the check is asked about, not replaced`, async () => {
      const from = await source(`${how}/a.txt`, 'mine');
      const target = `${how}/copied/a.txt`;
      const { asked, policy } = answering({ answer: 'skip' });
      anotherClientWrites(copyOperation, target, 'theirs, created after the check')();
      const result = await copyOne(
        from,
        { client: serverSide ? bucket.client : other, bucket: bucket.name, key: target },
        serverSide,
        policy,
        live,
      );
      assert.equal(await read(target), 'theirs, created after the check', 'the key created meanwhile is not replaced');
      assert.deepEqual(asked, [{ name: target, changed: false }]);
      assert.equal(result, 'skipped');
    });

    it(`copy (${how}): after Overwrite, a destination changed again is asked about again`, async () => {
      const from = await source(`${how}/b.txt`, 'mine');
      const target = `${how}/copied/b.txt`;
      await putObject(
        bucket.client,
        { bucket: bucket.name, key: target, body: 'v1, the version the user is shown' },
        live,
      );
      const { asked, policy } = answering(
        { answer: 'overwrite', then: anotherClientWrites(copyOperation, target, 'theirs, written after the question') },
        { answer: 'skip' },
      );
      const result = await copyOne(
        from,
        { client: serverSide ? bucket.client : other, bucket: bucket.name, key: target },
        serverSide,
        policy,
        live,
      );
      assert.equal(await read(target), 'theirs, written after the question');
      assert.deepEqual(asked, [
        { name: target, changed: false },
        { name: target, changed: true },
      ]);
      assert.equal(result, 'skipped');
    });

    it(`copy (${how}): Overwrite replaces the version asked about`, async () => {
      const from = await source(`${how}/c.txt`, 'mine');
      const target = `${how}/copied/c.txt`;
      await putObject(bucket.client, { bucket: bucket.name, key: target, body: 'v1' }, live);
      const { policy } = answering({ answer: 'overwrite' });
      assert.equal(
        await copyOne(
          from,
          { client: serverSide ? bucket.client : other, bucket: bucket.name, key: target },
          serverSide,
          policy,
          live,
        ),
        'done',
      );
      assert.equal(await read(target), 'mine');
    });

    it(`copy (${how}): a source changed since it was listed is not copied`, async () => {
      const from = await source(`${how}/d.txt`, 'mine');
      await putObject(bucket.client, { bucket: bucket.name, key: from.key, body: 'newer' }, live);
      const target = `${how}/copied/d.txt`;
      await expectR2Error(
        copyOne(
          from,
          { client: serverSide ? bucket.client : other, bucket: bucket.name, key: target },
          serverSide,
          answering().policy,
          live,
        ),
        'SourceChanged',
      );
      assert.equal(await exists(target), false);
    });
  }

  it('rename: a target created after the check is asked about; the source stays when the user declines', async () => {
    const from = await source('rename/a.txt', 'mine');
    const confirmed: string[] = [];
    anotherClientWrites('CopyObject', 'rename/b.txt', 'theirs, created after the check')();
    const result = await moveOne(
      from,
      'rename/b.txt',
      async (key) => {
        confirmed.push(key);
        return false;
      },
      live,
    );
    assert.equal(
      await read('rename/b.txt'),
      'theirs, created after the check',
      'the key created meanwhile is not replaced',
    );
    assert.equal(await read('rename/a.txt'), 'mine', 'nothing was moved');
    assert.deepEqual(confirmed, ['rename/b.txt']);
    assert.equal(result, 'skipped');
  });

  it('rename: after Overwrite, a target changed again is asked about again', async () => {
    const from = await source('rename/c.txt', 'mine');
    await putObject(bucket.client, { bucket: bucket.name, key: 'rename/d.txt', body: 'v1' }, live);
    const confirmed: string[] = [];
    const result = await moveOne(
      from,
      'rename/d.txt',
      async (key) => {
        confirmed.push(key);
        if (confirmed.length === 1) {
          anotherClientWrites('CopyObject', 'rename/d.txt', 'theirs')();
          return true;
        }
        return false;
      },
      live,
    );
    assert.equal(await read('rename/d.txt'), 'theirs');
    assert.equal(await read('rename/c.txt'), 'mine');
    assert.equal(confirmed.length, 2);
    assert.equal(result, 'skipped');
  });

  it('rename: a source rewritten between the copy and the delete is kept', async () => {
    const from = await source('rename/e.txt', 'mine');
    anotherClientWrites('DeleteObject', 'rename/e.txt', 'newer, written after the copy')();
    await expectR2Error(
      moveOne(from, 'rename/f.txt', async () => true, live),
      'SourceChanged',
    );
    assert.equal(await read('rename/e.txt'), 'newer, written after the copy', 'the newer version is not deleted');
    assert.equal(await read('rename/f.txt'), 'mine', 'the copy of the listed version is made');
  });
});
