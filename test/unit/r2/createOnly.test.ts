// A create-only write (If-None-Match: *) that finds the key taken says so: AlreadyExists, "… already
// exists", not "changed on the server (precondition failed)".
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getObjectBytes, putObject, uploadFile } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, useBucket, useTempDir, writeRandomFile } from './helpers';

const MiB = 1024 ** 2;

describe('r2 create-only writes', () => {
  const bucket = useBucket('r2-create-only');
  const temp = useTempDir();
  afterEach(() => s3env().local?.clearFaults());

  it('PutObject: a taken key is reported as already existing', async () => {
    const { client, name } = bucket;
    await putObject(client, { bucket: name, key: 'taken.txt', body: 'first' }, live);
    const error = await expectR2Error(
      putObject(client, { bucket: name, key: 'taken.txt', body: 'second', ifNoneMatch: '*' }, live),
      'AlreadyExists',
    );
    assert.equal(error.message, `"taken.txt" in bucket "${name}" already exists.`);
    assert.equal(
      (await getObjectBytes(client, { bucket: name, key: 'taken.txt', maxBytes: 10 }, live)).bytes.toString(),
      'first',
    );
  });

  it('uploadFile: a taken key is reported as already existing, in one PUT and in parts', async () => {
    const { client, name } = bucket;
    const small = join(temp.path, 'small.txt');
    await writeFile(small, 'small');
    const big = join(temp.path, 'big.bin');
    await writeRandomFile(big, 11 * MiB);
    await putObject(client, { bucket: name, key: 'upload-taken', body: 'first' }, live);
    for (const file of [small, big]) {
      const error = await expectR2Error(
        uploadFile(
          client,
          {
            bucket: name,
            key: 'upload-taken',
            filePath: file,
            ifNoneMatch: '*',
            multipartThreshold: 5 * MiB,
            partSize: 5 * MiB,
          },
          live,
        ),
        'AlreadyExists',
      );
      assert.match(error.message, /already exists/);
    }
  });

  it('multipart: a key created while the parts were sent is reported as already existing', async function () {
    const local = s3env().local;
    if (local === undefined) {
      // Another client's write between two requests is injected by the local server only (and RGW 16
      // ignores conditions on CompleteMultipartUpload).
      this.skip();
    }
    const { client, name } = bucket;
    const big = join(temp.path, 'raced.bin');
    await writeRandomFile(big, 11 * MiB);
    local.inject({ type: 'write', operation: 'CompleteMultipartUpload', bucket: name, key: 'raced', body: 'theirs' });
    await expectR2Error(
      uploadFile(
        client,
        { bucket: name, key: 'raced', filePath: big, ifNoneMatch: '*', multipartThreshold: 5 * MiB, partSize: 5 * MiB },
        live,
      ),
      'AlreadyExists',
    );
    assert.equal(
      (await getObjectBytes(client, { bucket: name, key: 'raced', maxBytes: 10 }, live)).bytes.toString(),
      'theirs',
    );
  });
});
