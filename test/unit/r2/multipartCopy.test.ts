// Copies over the part threshold (5 GiB in use; lowered here so 12 MiB stands in): UploadPartCopy
// within an account, ranged GETs streamed into parts between clients, on the local server and RGW.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  copyObject,
  createBucket,
  deleteBucket,
  deletePrefix,
  getObjectBytes,
  headObject,
  putObject,
  streamCopyObject,
} from '../../../src/r2';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import {
  assertRequests,
  countRequests,
  expectR2Error,
  live,
  newClient,
  openUploads,
  sha256,
  uniqueName,
  useBucket,
} from './helpers';

const MiB = 1024 ** 2;
/** 12 MiB in parts of 5 MiB: two whole parts and a last one of 2 MiB. */
const SIZE = 12 * MiB;
const PARTS = { threshold: 8 * MiB, partSize: 5 * MiB, concurrency: 3 };
/** RGW 16 completes a multipart upload with an empty ETag: the copy's ETag is then read with a HEAD. */
const etagLookup = () => (s3env().flavour === 'rgw' ? { HeadObject: 1 } : {});
const PROPERTIES = {
  contentType: 'application/x-tar',
  cacheControl: 'no-cache',
  contentDisposition: 'attachment; filename="big.tar"',
  metadata: { origin: 'build-42' },
};

describe('r2 copies in parts', () => {
  const bucket = useBucket('r2-part-copy');
  const body = randomBytes(SIZE);
  let etag: string;
  afterEach(() => s3env().local?.clearFaults());

  before(async () => {
    etag = (await putObject(bucket.client, { bucket: bucket.name, key: 'big.tar', body, ...PROPERTIES }, live)).etag;
  });

  const at = (key: string, name = bucket.name) => ({ bucket: name, key });
  async function assertCopy(key: string, name = bucket.name): Promise<void> {
    const copy = await getObjectBytes(bucket.client, { ...at(key, name), maxBytes: SIZE }, live);
    assert.equal(sha256(copy.bytes), sha256(body), 'the same bytes');
    assert.equal(copy.head.contentType, PROPERTIES.contentType);
    assert.equal(copy.head.cacheControl, PROPERTIES.cacheControl);
    assert.equal(copy.head.contentDisposition, PROPERTIES.contentDisposition);
    assert.deepEqual(copy.head.metadata, PROPERTIES.metadata);
  }

  it('copies server-side with UploadPartCopy, metadata and content type kept, create-only', async () => {
    countRequests(bucket.requests);
    await copyObject(
      bucket.client,
      {
        source: at('big.tar'),
        destination: at('copied.tar'),
        sourceIfMatch: etag,
        destinationIfNoneMatch: '*',
        sourceSize: SIZE,
        parts: PARTS,
      },
      live,
    );
    // A HEAD of the source (its metadata), one of the destination (create-only, checked first), three parts.
    assertRequests(bucket.requests, {
      HeadObject: 2 + (etagLookup().HeadObject ?? 0),
      CreateMultipartUpload: 1,
      UploadPartCopy: 3,
      CompleteMultipartUpload: 1,
    });
    await assertCopy('copied.tar');
    assert.match((await headObject(bucket.client, at('copied.tar'), live)).etag, /-3$/, 'a three-part object');
  });

  it('copies to another bucket of the account', async () => {
    const other = uniqueName('r2-part-copy-to');
    await createBucket(bucket.client, { bucket: other }, live);
    try {
      await copyObject(
        bucket.client,
        { source: at('big.tar'), destination: at('across.tar', other), sourceSize: SIZE, parts: PARTS },
        live,
      );
      await assertCopy('across.tar', other);
    } finally {
      await deletePrefix(bucket.client, { bucket: other, prefix: '' }, live);
      await deleteBucket(bucket.client, other, live);
    }
  });

  it('streams between two clients in ranged parts, as between accounts', async () => {
    const targetRequests = new RequestCounter();
    const target = newClient({ onRequest: targetRequests.onRequest });
    try {
      countRequests(bucket.requests);
      await streamCopyObject(
        bucket.client,
        target,
        { source: at('big.tar'), destination: at('streamed.tar'), sourceIfMatch: etag, sourceSize: SIZE, parts: PARTS },
        live,
      );
      assert.deepEqual(bucket.requests.operations, { HeadObject: 1, GetObject: 3 });
      assert.deepEqual(targetRequests.operations, {
        ...etagLookup(),
        CreateMultipartUpload: 1,
        UploadPart: 3,
        CompleteMultipartUpload: 1,
      });
      await assertCopy('streamed.tar');
    } finally {
      target.destroy();
    }
  });

  it('refuses a taken destination and a source no longer the version named, before any upload', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'taken.tar', body: 'theirs' }, live);
    const copy = { source: at('big.tar'), sourceSize: SIZE, parts: PARTS };
    await expectR2Error(
      copyObject(bucket.client, { ...copy, destination: at('taken.tar'), destinationIfNoneMatch: '*' }, live),
      'AlreadyExists',
    );
    await expectR2Error(
      copyObject(bucket.client, { ...copy, destination: at('never.tar'), sourceIfMatch: 'an-older-version' }, live),
      'SourceChanged',
    );
    assert.deepEqual(await openUploads(bucket.name), []);
    assert.equal(
      (await getObjectBytes(bucket.client, { ...at('taken.tar'), maxBytes: 10 }, live)).bytes.toString(),
      'theirs',
    );
  });

  it('fails as SourceChanged when the source is replaced midway, and leaves no parts behind', async function () {
    const local = s3env().local;
    if (local === undefined) {
      // Another client's write between two parts is injected by the local server only.
      this.skip();
    }
    await putObject(bucket.client, { bucket: bucket.name, key: 'moving.tar', body, ...PROPERTIES }, live);
    // The source is rewritten just before a part is copied: that part's x-amz-copy-source-if-match fails.
    local.inject({ type: 'write', operation: 'UploadPartCopy', bucket: bucket.name, key: 'moving.tar', body: 'new' });
    await expectR2Error(
      copyObject(
        bucket.client,
        { source: at('moving.tar'), destination: at('mixed.tar'), sourceSize: SIZE, parts: PARTS },
        live,
      ),
      'SourceChanged',
    );
    assert.deepEqual(await openUploads(bucket.name), []);
    await expectR2Error(headObject(bucket.client, at('mixed.tar'), live), 'NoSuchKey');
  });

  it('changes the storage class of a large object in place, its metadata kept', async function () {
    if (s3env().flavour === 'rgw') {
      // RGW has no STANDARD_IA placement unless configured: an R2 storage class, checked locally.
      this.skip();
    }
    await putObject(bucket.client, { bucket: bucket.name, key: 'cold.tar', body, ...PROPERTIES }, live);
    const location = at('cold.tar');
    await copyObject(
      bucket.client,
      { source: location, destination: location, storageClass: 'STANDARD_IA', sourceSize: SIZE, parts: PARTS },
      live,
    );
    assert.equal((await headObject(bucket.client, location, live)).storageClass, 'STANDARD_IA');
    await assertCopy('cold.tar');
  });
});
