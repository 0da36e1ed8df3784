import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import type { CompletedPart } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { rejectsWith, useServer } from './helpers';

const MiB = 1024 * 1024;

function filled(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) {
    b[i] = (i / 4096 + seed) & 0xff;
  }
  return b;
}

const md5 = (data: Buffer): Buffer => createHash('md5').update(data).digest();

describe('r2server: multipart uploads', function () {
  this.timeout(20_000);
  const h = useServer();

  /** Starts an upload and sends parts of the given sizes; returns the upload id and completed parts. */
  async function uploadParts(
    key: string,
    sizes: number[],
  ): Promise<{ uploadId: string; parts: CompletedPart[]; data: Buffer[] }> {
    const { UploadId } = await h.client.send(
      new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: key, ContentType: 'application/x-test' }),
    );
    const uploadId = UploadId ?? '';
    const data = sizes.map((size, i) => filled(size, i));
    const parts: CompletedPart[] = [];
    for (const [i, body] of data.entries()) {
      const res = await h.client.send(
        new UploadPartCommand({ Bucket: h.bucket, Key: key, UploadId: uploadId, PartNumber: i + 1, Body: body }),
      );
      parts.push({ PartNumber: i + 1, ETag: res.ETag });
    }
    return { uploadId, parts, data };
  }

  const complete = (key: string, uploadId: string, parts: CompletedPart[], extra: { IfNoneMatch?: string } = {}) =>
    h.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: h.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
        ...extra,
      }),
    );

  async function pendingUploadIds(): Promise<string[]> {
    const res = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket }));
    return (res.Uploads ?? []).map((u) => u.UploadId ?? '');
  }

  it('completes equal parts with a smaller last one, with the md5-of-md5s ETag', async () => {
    const { uploadId, parts, data } = await uploadParts('mp/ok.bin', [5 * MiB, 5 * MiB, 1234]);
    const listed = await h.client.send(
      new ListPartsCommand({ Bucket: h.bucket, Key: 'mp/ok.bin', UploadId: uploadId }),
    );
    assert.deepEqual(
      listed.Parts?.map((p) => [p.PartNumber, p.Size]),
      [
        [1, 5 * MiB],
        [2, 5 * MiB],
        [3, 1234],
      ],
    );
    assert.ok((await pendingUploadIds()).includes(uploadId));

    const res = await complete('mp/ok.bin', uploadId, parts);
    const expected = `"${createHash('md5')
      .update(Buffer.concat(data.map(md5)))
      .digest('hex')}-3"`;
    assert.equal(res.ETag, expected);
    const got = await h.client.send(
      new GetObjectCommand({ Bucket: h.bucket, Key: 'mp/ok.bin', Range: `bytes=${5 * MiB - 2}-${5 * MiB + 1}` }),
    );
    assert.deepEqual(
      Buffer.from((await got.Body?.transformToByteArray()) ?? []),
      Buffer.concat(data).subarray(5 * MiB - 2, 5 * MiB + 2),
    );
    const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'mp/ok.bin' }));
    assert.equal(head.ContentLength, 10 * MiB + 1234);
    assert.equal(head.ContentType, 'application/x-test');
    assert.ok(!(await pendingUploadIds()).includes(uploadId));
  });

  it('uploads with @aws-sdk/lib-storage', async () => {
    const body = filled(11 * MiB, 7);
    const res = await new Upload({
      client: h.client,
      params: { Bucket: h.bucket, Key: 'mp/lib-storage.bin', Body: body },
      partSize: 5 * MiB,
      queueSize: 2,
    }).done();
    assert.match(res.ETag ?? '', /-3"$/);
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'mp/lib-storage.bin' }));
    assert.ok(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body));
  });

  it('refuses unequal non-trailing parts (R2 rule) and parts under 5 MiB', async () => {
    const unequal = await uploadParts('mp/unequal', [6 * MiB, 5 * MiB, 1]);
    await rejectsWith(complete('mp/unequal', unequal.uploadId, unequal.parts), 'InvalidPart', 400);
    const small = await uploadParts('mp/small', [MiB, MiB]);
    await rejectsWith(complete('mp/small', small.uploadId, small.parts), 'EntityTooSmall', 400);
    // A refused completion leaves the upload in place, as S3 does.
    assert.ok((await pendingUploadIds()).includes(small.uploadId));
  });

  it('checks the part list: ETags and ascending order', async () => {
    const { uploadId, parts } = await uploadParts('mp/list', [5 * MiB, 10]);
    await rejectsWith(
      complete('mp/list', uploadId, [parts[0], { PartNumber: 2, ETag: '"00000000000000000000000000000000"' }]),
      'InvalidPart',
      400,
    );
    await rejectsWith(complete('mp/list', uploadId, [parts[1], parts[0]]), 'InvalidPartOrder', 400);
    await rejectsWith(
      complete('mp/list', uploadId, [parts[0], { PartNumber: 3, ETag: parts[1].ETag }]),
      'InvalidPart',
      400,
    );
    await complete('mp/list', uploadId, parts);
  });

  it('honours If-None-Match: * on completion', async () => {
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'mp/exists', Body: 'x' }));
    const { uploadId, parts } = await uploadParts('mp/exists', [10]);
    await rejectsWith(complete('mp/exists', uploadId, parts, { IfNoneMatch: '*' }), 'PreconditionFailed', 412);
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'mp/exists' }));
    assert.equal(await got.Body?.transformToString(), 'x');
  });

  it('aborts: the upload leaves the listings and takes no more parts', async () => {
    const { uploadId } = await uploadParts('mp/aborted', [10]);
    const res = await h.client.send(
      new AbortMultipartUploadCommand({ Bucket: h.bucket, Key: 'mp/aborted', UploadId: uploadId }),
    );
    assert.equal(res.$metadata.httpStatusCode, 204);
    assert.ok(!(await pendingUploadIds()).includes(uploadId));
    await rejectsWith(
      h.client.send(new ListPartsCommand({ Bucket: h.bucket, Key: 'mp/aborted', UploadId: uploadId })),
      'NoSuchUpload',
      404,
    );
    await rejectsWith(
      h.client.send(
        new UploadPartCommand({ Bucket: h.bucket, Key: 'mp/aborted', UploadId: uploadId, PartNumber: 1, Body: 'x' }),
      ),
      'NoSuchUpload',
      404,
    );
    await rejectsWith(
      h.client.send(new AbortMultipartUploadCommand({ Bucket: h.bucket, Key: 'mp/aborted', UploadId: uploadId })),
      'NoSuchUpload',
      404,
    );
  });

  it('lists uploads by prefix and validates part numbers', async () => {
    const { UploadId } = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: 'other/x' }));
    const res = await h.client.send(new ListMultipartUploadsCommand({ Bucket: h.bucket, Prefix: 'other/' }));
    assert.deepEqual(
      res.Uploads?.map((u) => [u.Key, u.UploadId]),
      [['other/x', UploadId]],
    );
    await rejectsWith(
      h.client.send(
        new UploadPartCommand({ Bucket: h.bucket, Key: 'other/x', UploadId, PartNumber: 10001, Body: 'x' }),
      ),
      'InvalidArgument',
      400,
    );
    await rejectsWith(
      h.client.send(new UploadPartCommand({ Bucket: h.bucket, Key: 'other/y', UploadId, PartNumber: 1, Body: 'x' })),
      'NoSuchUpload',
      404,
    );
  });

  it('copies ranges of an object into parts (UploadPartCopy)', async () => {
    const source = filled(6 * MiB, 3);
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'mp/source', Body: source }));
    const { UploadId } = await h.client.send(new CreateMultipartUploadCommand({ Bucket: h.bucket, Key: 'mp/copied' }));
    const first = await h.client.send(
      new UploadPartCopyCommand({
        Bucket: h.bucket,
        Key: 'mp/copied',
        UploadId,
        PartNumber: 1,
        CopySource: `${h.bucket}/mp/source`,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    const second = await h.client.send(
      new UploadPartCopyCommand({
        Bucket: h.bucket,
        Key: 'mp/copied',
        UploadId,
        PartNumber: 2,
        CopySource: `${h.bucket}/mp/source`,
        CopySourceRange: `bytes=${5 * MiB}-${6 * MiB - 1}`,
      }),
    );
    assert.equal(first.CopyPartResult?.ETag, `"${md5(source.subarray(0, 5 * MiB)).toString('hex')}"`);
    await rejectsWith(
      h.client.send(
        new UploadPartCopyCommand({
          Bucket: h.bucket,
          Key: 'mp/copied',
          UploadId,
          PartNumber: 3,
          CopySource: `${h.bucket}/mp/source`,
          CopySourceRange: `bytes=0-${6 * MiB}`,
        }),
      ),
      'InvalidRange',
      416,
    );
    await complete('mp/copied', UploadId ?? '', [
      { PartNumber: 1, ETag: first.CopyPartResult?.ETag },
      { PartNumber: 2, ETag: second.CopyPartResult?.ETag },
    ]);
    const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'mp/copied' }));
    assert.ok(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(source));
  });
});
