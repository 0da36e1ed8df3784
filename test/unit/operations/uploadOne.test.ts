// One upload's conflict decision against the local server, whose 'write' fault plays another client
// writing the key between two of our requests.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getObjectBytes, putObject } from '../../../src/r2';
import { uploadOne } from '../../../src/operations/uploadOne';
import { s3env } from '../../support/s3env';
import { live, useBucket, useTempDir } from '../r2/helpers';
import { answering } from './scriptedConflicts';

describe('uploadOne: conflicts', () => {
  const bucket = useBucket('upload-one');
  const temp = useTempDir();
  const noProgress = { add: () => undefined };

  before(function () {
    if (s3env().local === undefined) {
      // The races are forced through the local server's faults.
      this.skip();
    }
  });
  afterEach(() => s3env().local?.clearFaults());

  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes.toString();

  async function localFile(name: string, content: string) {
    const path = join(temp.path, name);
    await writeFile(path, content);
    return { path, relativeKey: name, size: Buffer.byteLength(content) };
  }

  it('Overwrite replaces only the version the user was asked about: a newer one is asked about again, never clobbered', async () => {
    const key = 'raced.txt';
    await putObject(bucket.client, { bucket: bucket.name, key, body: 'v1, the version the user is shown' }, live);
    const file = await localFile(key, 'mine');
    const { asked, policy } = answering(
      // While the user reads the question, another client writes a newer version.
      {
        answer: 'overwrite',
        then: () =>
          s3env().local?.inject({
            type: 'write',
            operation: 'PutObject',
            bucket: bucket.name,
            key,
            body: 'theirs, written after the question',
          }),
      },
      { answer: 'skip' },
    );
    const result = await uploadOne(bucket.client, { bucket: bucket.name, prefix: '' }, file, policy, noProgress, live);
    assert.equal(
      await read(key),
      'theirs, written after the question',
      "the other client's newer version is not overwritten",
    );
    assert.deepEqual(asked, [
      { name: key, changed: false },
      { name: key, changed: true },
    ]);
    assert.equal(result, 'skipped');
  });

  it('asks again even after Overwrite All, and overwrites the newer version once the user says so', async () => {
    const key = 'raced-all.txt';
    await putObject(bucket.client, { bucket: bucket.name, key, body: 'v1' }, live);
    const file = await localFile(key, 'mine');
    const { asked, policy } = answering(
      {
        answer: 'overwriteAll',
        then: () =>
          s3env().local?.inject({ type: 'write', operation: 'PutObject', bucket: bucket.name, key, body: 'theirs' }),
      },
      { answer: 'overwrite' },
    );
    assert.equal(
      await uploadOne(bucket.client, { bucket: bucket.name, prefix: '' }, file, policy, noProgress, live),
      'done',
    );
    assert.equal(await read(key), 'mine');
    assert.deepEqual(
      asked.map((a) => a.changed),
      [false, true],
    );
  });

  it('overwrites the version asked about when nobody else wrote it', async () => {
    const key = 'plain.txt';
    await putObject(bucket.client, { bucket: bucket.name, key, body: 'v1' }, live);
    const { asked, policy } = answering({ answer: 'overwrite' });
    assert.equal(
      await uploadOne(
        bucket.client,
        { bucket: bucket.name, prefix: '' },
        await localFile(key, 'mine'),
        policy,
        noProgress,
        live,
      ),
      'done',
    );
    assert.equal(await read(key), 'mine');
    assert.equal(asked.length, 1);
  });

  it('creates the key, without asking again, when the version asked about was deleted meanwhile', async () => {
    const key = 'deleted.txt';
    await putObject(bucket.client, { bucket: bucket.name, key, body: 'v1' }, live);
    const { asked, policy } = answering({
      answer: 'overwrite',
      then: () =>
        s3env().local?.inject({ type: 'write', operation: 'PutObject', bucket: bucket.name, key, body: null }),
    });
    assert.equal(
      await uploadOne(
        bucket.client,
        { bucket: bucket.name, prefix: '' },
        await localFile(key, 'mine'),
        policy,
        noProgress,
        live,
      ),
      'done',
    );
    assert.equal(await read(key), 'mine');
    assert.equal(asked.length, 1);
  });
});
