import { strict as assert } from 'node:assert';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketCorsCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { R2Server } from '../../support/r2server';
import { startR2Server } from '../../support/r2server';
import { clientFor } from './helpers';

describe('r2server: persistence', function () {
  let dataDir: string;
  let server: R2Server | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'r2server-persist-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps buckets, objects, metadata, CORS and in-progress uploads across a restart', async () => {
    server = await startR2Server({ dataDir });
    let client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: 'kept' }));
    await client.send(
      new PutObjectCommand({
        Bucket: 'kept',
        Key: 'a/..//b c',
        Body: 'first',
        ContentType: 'text/plain',
        Metadata: { v: '1' },
      }),
    );
    await client.send(new PutObjectCommand({ Bucket: 'kept', Key: 'overwritten', Body: 'old' }));
    await client.send(new PutObjectCommand({ Bucket: 'kept', Key: 'overwritten', Body: 'new' }));
    await client.send(new PutObjectCommand({ Bucket: 'kept', Key: 'deleted', Body: 'x' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'kept', Key: 'deleted' }));
    await client.send(
      new PutBucketCorsCommand({
        Bucket: 'kept',
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] },
      }),
    );
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'kept', Key: 'big' }));
    const part = await client.send(
      new UploadPartCommand({ Bucket: 'kept', Key: 'big', UploadId, PartNumber: 1, Body: 'only part' }),
    );
    client.destroy();
    await server.close();

    server = await startR2Server({ dataDir });
    client = clientFor(server);
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'kept' }));
    assert.deepEqual(
      list.Contents?.map((c) => c.Key),
      ['a/..//b c', 'overwritten'],
    );
    const got = await client.send(new GetObjectCommand({ Bucket: 'kept', Key: 'a/..//b c' }));
    assert.equal(await got.Body?.transformToString(), 'first');
    assert.equal(got.ContentType, 'text/plain');
    assert.deepEqual(got.Metadata, { v: '1' });
    const overwritten = await client.send(new GetObjectCommand({ Bucket: 'kept', Key: 'overwritten' }));
    assert.equal(await overwritten.Body?.transformToString(), 'new');
    const cors = await client.send(new GetBucketCorsCommand({ Bucket: 'kept' }));
    assert.deepEqual(cors.CORSRules?.[0].AllowedMethods, ['GET']);
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: 'kept' }));
    assert.deepEqual(
      uploads.Uploads?.map((u) => u.UploadId),
      [UploadId],
    );
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'kept',
        Key: 'big',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    const big = await client.send(new GetObjectCommand({ Bucket: 'kept', Key: 'big' }));
    assert.equal(await big.Body?.transformToString(), 'only part');
    client.destroy();
  });

  it('recovers from a journal line cut short by a crash', async () => {
    server = await startR2Server({ dataDir });
    let client = clientFor(server);
    await client.send(new CreateBucketCommand({ Bucket: 'torn' }));
    await client.send(new PutObjectCommand({ Bucket: 'torn', Key: 'before', Body: 'x' }));
    client.destroy();
    await server.close();
    // What a crash in the middle of an append leaves behind.
    appendFileSync(join(dataDir, 'buckets', 'torn', 'objects.jsonl'), '{"put":{"key":"half-writ');

    server = await startR2Server({ dataDir });
    client = clientFor(server);
    await client.send(new PutObjectCommand({ Bucket: 'torn', Key: 'after', Body: 'y' }));
    client.destroy();
    await server.close();

    server = await startR2Server({ dataDir });
    client = clientFor(server);
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'torn' }));
    assert.deepEqual(
      list.Contents?.map((c) => c.Key),
      ['after', 'before'],
    );
    client.destroy();
  });
});
