// Incomplete multipart uploads (issue 14, finding 6): listed page by page, aborted, and an abort
// that fails reported instead of forgotten.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CreateMultipartUploadCommand, S3Client } from '@aws-sdk/client-s3';
import type { AbortFailure, IncompleteUpload } from '../../../src/r2';
import { abortIncompleteUpload, listIncompleteUploads, uploadFile } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import {
  assertRequests,
  countRequests,
  expectR2Error,
  live,
  newClient,
  openUploads,
  useBucket,
  useTempDir,
  writeRandomFile,
} from './helpers';

const MiB = 1024 * 1024;
const multipart = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };

/** Starts an upload by a raw SDK call, as another tool (or a crashed session) would leave one. */
async function startUpload(bucket: string, key: string): Promise<string> {
  const { endpoint, credentials } = s3env();
  const s3 = new S3Client({ endpoint, credentials, region: 'auto', forcePathStyle: true, maxAttempts: 1 });
  try {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    assert.ok(UploadId);
    return UploadId;
  } finally {
    s3.destroy();
  }
}

async function abortAll(uploads: readonly IncompleteUpload[]): Promise<void> {
  const client = newClient();
  try {
    for (const upload of uploads) {
      await abortIncompleteUpload(client, upload, live);
    }
  } finally {
    client.destroy();
  }
}

describe('r2 incomplete uploads', () => {
  const bucket = useBucket('incomplete');
  const temp = useTempDir();

  afterEach(async () => {
    s3env().local?.clearFaults();
    await abortAll(await listIncompleteUploads(bucket.client, { bucket: bucket.name }, live));
  });

  it('lists every incomplete upload with key, upload ID and start, two per page, through KeyMarker and UploadIdMarker', async () => {
    const { client, name } = bucket;
    const before = Date.now() - 60_000;
    // Three of one key: a page ends between two uploads of the same key.
    const keys = ['a.bin', 'a.bin', 'a.bin', 'b/c.bin', 'd e+f%41.bin'];
    const ids: string[] = [];
    for (const key of keys) {
      ids.push(await startUpload(name, key));
    }
    countRequests(bucket.requests);
    const listed = await listIncompleteUploads(client, { bucket: name, pageSize: 2 }, live);
    assertRequests(bucket.requests, { ListMultipartUploads: 3 }, 'three pages of two');
    assert.deepEqual(
      listed.map((upload) => upload.key),
      keys,
    );
    assert.deepEqual(new Set(listed.map((upload) => upload.uploadId)), new Set(ids));
    for (const upload of listed) {
      assert.equal(upload.bucket, name);
      assert.ok(
        upload.initiated instanceof Date && upload.initiated.getTime() > before,
        `started: ${String(upload.initiated)}`,
      );
    }
    assert.deepEqual(
      await listIncompleteUploads(client, { bucket: name, prefix: 'b/' }, live).then((found) =>
        found.map((upload) => upload.key),
      ),
      ['b/c.bin'],
    );
  });

  it('aborts an incomplete upload; one already gone counts as removed', async () => {
    const { client, name } = bucket;
    const uploadId = await startUpload(name, 'gone.bin');
    await abortIncompleteUpload(client, { bucket: name, key: 'gone.bin', uploadId }, live);
    assert.deepEqual(await openUploads(name), []);
    await abortIncompleteUpload(client, { bucket: name, key: 'gone.bin', uploadId }, live);
  });

  for (const how of ['fails', 'is cancelled'] as const) {
    it(`reports an abort that fails when an upload ${how}: key, upload ID and error reach the client's onAbortFailed`, async function () {
      const local = s3env().local;
      if (local === undefined) {
        this.skip();
      }
      const failures: AbortFailure[] = [];
      const client = newClient({ maxAttempts: 1, onAbortFailed: (failure) => failures.push(failure) });
      const path = join(temp.path, 'abort-fails.bin');
      await writeRandomFile(path, 12 * MiB);
      try {
        local.inject({ type: 'error', status: 500, operation: 'AbortMultipartUpload', times: 'always' });
        const controller = new AbortController();
        if (how === 'fails') {
          local.inject({ type: 'error', status: 500, operation: 'UploadPart', times: 'always' });
        }
        const upload = uploadFile(
          client,
          {
            bucket: bucket.name,
            key: `abort-${how}.bin`,
            filePath: path,
            ...multipart,
            onProgress: () => {
              if (how === 'is cancelled') {
                controller.abort();
              }
            },
          },
          controller.signal,
        );
        await expectR2Error(upload, how === 'fails' ? 'ServerError' : 'Cancelled');
        assert.equal(failures.length, 1, 'one failed abort reported');
        const [failure] = failures;
        assert.equal(failure.bucket, bucket.name);
        assert.equal(failure.key, `abort-${how}.bin`);
        assert.equal(failure.error.code, 'ServerError');
        local.clearFaults();
        const left = await listIncompleteUploads(client, { bucket: bucket.name }, live);
        assert.deepEqual(
          left.map((upload) => [upload.key, upload.uploadId]),
          [[failure.key, failure.uploadId]],
        );
      } finally {
        client.destroy();
      }
    });
  }

  it('refuses a CreateMultipartUpload answer without an UploadId, sending no part with an empty ID', async () => {
    const client = newClient();
    // A server that answers 200 without an UploadId: no request may follow with an empty one.
    const send = client.send.bind(client);
    const sent: string[] = [];
    client.send = ((command, context, signal) => {
      sent.push(command.constructor.name);
      return command instanceof CreateMultipartUploadCommand
        ? Promise.resolve({ $metadata: {} })
        : send(command, context, signal);
    }) as typeof client.send;
    const path = join(temp.path, 'no-id.bin');
    await writeRandomFile(path, 6 * MiB);
    try {
      const error = await uploadFile(
        client,
        { bucket: bucket.name, key: 'no-id.bin', filePath: path, ...multipart },
        live,
      ).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      assert.deepEqual(sent, ['CreateMultipartUploadCommand']);
      await expectR2Error(Promise.reject(error), 'ServerError');
      assert.match(String(error), /no upload ID/);
    } finally {
      client.destroy();
    }
  });
});
