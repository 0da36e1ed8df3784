// What folder sync relies on in the S3 layer, on the local server and Ceph RGW alike: a single-PUT
// object's ETag is the MD5 fileMd5 computes, and metadata sent with a multipart upload comes back
// on HEAD (the MD5 and mtime a sync stores for objects whose ETag is no MD5).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileMd5, headObject, uploadFile } from '../../../src/r2';
import { live, useBucket, useTempDir, writeRandomFile } from './helpers';

describe('r2: fileMd5 and stored metadata', () => {
  const bucket = useBucket('file-md5');
  const temp = useTempDir();

  it("is a single-PUT object's ETag", async () => {
    const path = join(temp.path, 'small.bin');
    await writeRandomFile(path, 300_000);
    const { etag } = await uploadFile(bucket.client, { bucket: bucket.name, key: 'small.bin', filePath: path }, live);
    assert.equal(await fileMd5(path, live), etag);
  });

  it('a multipart upload keeps the metadata sent with it, and its ETag is no MD5', async function () {
    this.timeout(60_000);
    const path = join(temp.path, 'big.bin');
    await writeRandomFile(path, 6 * 1024 * 1024);
    const md5 = await fileMd5(path, live);
    await uploadFile(
      bucket.client,
      {
        bucket: bucket.name,
        key: 'big.bin',
        filePath: path,
        multipartThreshold: 5 * 1024 * 1024,
        partSize: 5 * 1024 * 1024,
        metadata: { 'r2e-md5': md5, 'r2e-mtime': '1700000000000' },
      },
      live,
    );
    const head = await headObject(bucket.client, { bucket: bucket.name, key: 'big.bin' }, live);
    assert.match(head.etag, /-2$/);
    assert.notEqual(head.etag, md5);
    assert.deepEqual(head.metadata, { 'r2e-md5': md5, 'r2e-mtime': '1700000000000' });
  });
});
