import { strict as assert } from 'node:assert';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketLifecycleCommand,
  DeleteObjectCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { BucketLocationConstraint } from '@aws-sdk/client-s3';
import { clientFor, rejectsWith, useServer } from './helpers';

const ADMIN = { accessKeyId: 'admin0000000000000000000000000000', secretAccessKey: 'a'.repeat(64) };
const SCOPED = {
  accessKeyId: 'scoped000000000000000000000000000',
  secretAccessKey: 's'.repeat(64),
  buckets: ['test-bucket'],
};

describe('r2server: buckets', function () {
  const h = useServer({ credentials: [ADMIN, SCOPED] });

  it('creates, lists, heads and deletes buckets', async () => {
    await h.client.send(
      new CreateBucketCommand({
        Bucket: 'second-bucket',
        CreateBucketConfiguration: { LocationConstraint: 'weur' as BucketLocationConstraint },
      }),
    );
    const list = await h.client.send(new ListBucketsCommand({}));
    assert.deepEqual(
      list.Buckets?.map((b) => b.Name),
      ['second-bucket', 'test-bucket'],
    );
    const location = await h.client.send(new GetBucketLocationCommand({ Bucket: 'second-bucket' }));
    assert.equal(location.LocationConstraint, 'weur');
    await h.client.send(new HeadBucketCommand({ Bucket: 'second-bucket' }));
    await h.client.send(new PutObjectCommand({ Bucket: 'second-bucket', Key: 'k', Body: 'x' }));
    await rejectsWith(h.client.send(new DeleteBucketCommand({ Bucket: 'second-bucket' })), 'BucketNotEmpty', 409);
    await h.client.send(new DeleteObjectCommand({ Bucket: 'second-bucket', Key: 'k' }));
    await h.client.send(new DeleteBucketCommand({ Bucket: 'second-bucket' }));
    await assert.rejects(
      h.client.send(new HeadBucketCommand({ Bucket: 'second-bucket' })),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 404,
    );
    await rejectsWith(h.client.send(new ListObjectsV2Command({ Bucket: 'second-bucket' })), 'NoSuchBucket', 404);
  });

  it('validates bucket names and refuses duplicates', async () => {
    for (const name of ['ab', 'a'.repeat(64), 'Upper', 'under_score', '-dash', 'dash-', 'dot.name']) {
      await rejectsWith(h.client.send(new CreateBucketCommand({ Bucket: name })), 'InvalidBucketName', 400);
    }
    await h.client.send(new CreateBucketCommand({ Bucket: 'a1-' + 'b'.repeat(59) + '9' }));
    await rejectsWith(h.client.send(new CreateBucketCommand({ Bucket: h.bucket })), 'BucketAlreadyOwnedByYou', 409);
    await rejectsWith(
      h.client.send(
        new CreateBucketCommand({
          Bucket: 'nowhere',
          CreateBucketConfiguration: { LocationConstraint: 'mars' as BucketLocationConstraint },
        }),
      ),
      'InvalidLocationConstraint',
      400,
    );
  });

  it('round-trips CORS configuration', async () => {
    await rejectsWith(h.client.send(new GetBucketCorsCommand({ Bucket: h.bucket })), 'NoSuchCORSConfiguration', 404);
    const rules = [
      {
        ID: 'web',
        AllowedOrigins: ['https://example.com'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['*'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 3600,
      },
    ];
    await h.client.send(new PutBucketCorsCommand({ Bucket: h.bucket, CORSConfiguration: { CORSRules: rules } }));
    const got = await h.client.send(new GetBucketCorsCommand({ Bucket: h.bucket }));
    assert.deepEqual(got.CORSRules, rules);
    await rejectsWith(
      h.client.send(
        new PutBucketCorsCommand({
          Bucket: h.bucket,
          CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] },
        }),
      ),
      'InvalidRequest',
      400,
    );
    await h.client.send(new DeleteBucketCorsCommand({ Bucket: h.bucket }));
    await rejectsWith(h.client.send(new GetBucketCorsCommand({ Bucket: h.bucket })), 'NoSuchCORSConfiguration', 404);
  });

  it('round-trips lifecycle configuration', async () => {
    await rejectsWith(
      h.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: h.bucket })),
      'NoSuchLifecycleConfiguration',
      404,
    );
    const rules = [
      { ID: 'expire-logs', Status: 'Enabled' as const, Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } },
      {
        ID: 'abort-uploads',
        Status: 'Enabled' as const,
        Filter: { Prefix: '' },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      },
    ];
    await h.client.send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: h.bucket, LifecycleConfiguration: { Rules: rules } }),
    );
    const got = await h.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: h.bucket }));
    assert.deepEqual(got.Rules, rules);
    await rejectsWith(
      h.client.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: h.bucket,
          LifecycleConfiguration: { Rules: [{ ID: 'x', Status: 'Enabled', Filter: { Prefix: '' } }] },
        }),
      ),
      'InvalidRequest',
      400,
    );
    await rejectsWith(
      h.client.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: h.bucket,
          LifecycleConfiguration: {
            Rules: [{ ID: 'x', Status: 'On' as never, Filter: { Prefix: '' }, Expiration: { Days: 1 } }],
          },
        }),
      ),
      'MalformedXML',
      400,
    );
    await h.client.send(new DeleteBucketLifecycleCommand({ Bucket: h.bucket }));
    await rejectsWith(
      h.client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: h.bucket })),
      'NoSuchLifecycleConfiguration',
      404,
    );
  });

  describe('a key scoped to one bucket', () => {
    before(async () => {
      await h.client.send(new CreateBucketCommand({ Bucket: 'private-bucket' }));
      await h.client.send(new PutObjectCommand({ Bucket: 'private-bucket', Key: 'secret', Body: 'x' }));
    });

    it('is refused ListBuckets, other buckets and bucket management', async () => {
      const scoped = clientFor(h.server, SCOPED);
      await rejectsWith(scoped.send(new ListBucketsCommand({})), 'AccessDenied', 403);
      await rejectsWith(
        scoped.send(new GetObjectCommand({ Bucket: 'private-bucket', Key: 'secret' })),
        'AccessDenied',
        403,
      );
      await rejectsWith(scoped.send(new ListObjectsV2Command({ Bucket: 'private-bucket' })), 'AccessDenied', 403);
      await rejectsWith(scoped.send(new CreateBucketCommand({ Bucket: 'new-bucket' })), 'AccessDenied', 403);
      await rejectsWith(scoped.send(new DeleteBucketCommand({ Bucket: h.bucket })), 'AccessDenied', 403);
      await assert.rejects(
        scoped.send(new HeadBucketCommand({ Bucket: 'private-bucket' })),
        (e: Error & { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode === 403,
      );
    });

    it('works on its own bucket', async () => {
      const scoped = clientFor(h.server, SCOPED);
      await scoped.send(new HeadBucketCommand({ Bucket: h.bucket }));
      await scoped.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'mine', Body: 'ok' }));
      const list = await scoped.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: 'mine' }));
      assert.deepEqual(
        list.Contents?.map((c) => c.Key),
        ['mine'],
      );
      const got = await scoped.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'mine' }));
      assert.equal(await got.Body?.transformToString(), 'ok');
    });
  });
});
