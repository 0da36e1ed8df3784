// Interoperability with an independent client, Debian's awscli 2.9: what one writes, the other reads
// byte for byte, odd keys included. awscli crashes on RGW's message-less error bodies, so it is only
// used on paths that succeed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getObjectBytes, headObject, listPage, putObject, runConcurrently, uploadFile } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { live, ODD_KEYS, sha256, sha256File, useBucket, useTempDir, writeRandomFile } from './helpers';

const AWS = '/usr/bin/aws';
const MiB = 1024 * 1024;
/** awscli starts a Python interpreter per call; a few at once keep the suite quick on two cores. */
const PARALLEL_CALLS = 4;

const run = promisify(execFile);

async function aws(args: string[], home: string): Promise<string> {
  const { endpoint, credentials } = s3env();
  const { stdout } = await run(AWS, ['--endpoint-url', endpoint, '--output', 'json', ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
    },
    maxBuffer: 16 * MiB,
  });
  return stdout;
}

async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  await runConcurrently(items.length, PARALLEL_CALLS, live, (index) => work(items[index], index));
}

describe('r2 interop with awscli', () => {
  const bucket = useBucket('r2-interop');
  const temp = useTempDir();

  before(function () {
    if (!existsSync(AWS)) {
      this.skip();
    }
  });

  it('awscli reads objects written here byte for byte, odd keys included', async () => {
    const prefix = 'ours/';
    await inParallel(ODD_KEYS, async (key, index) => {
      const body = Buffer.concat([Buffer.from(`${key}\n`), Buffer.from([0, 255, index])]);
      await putObject(bucket.client, { bucket: bucket.name, key: prefix + key, body }, live);
      const out = join(temp.path, `ours-${index}`);
      await aws(['s3api', 'get-object', '--bucket', bucket.name, '--key', prefix + key, out], temp.path);
      assert.equal(sha256(await readFile(out)), sha256(body), key);
    });
    const listed = JSON.parse(
      await aws(['s3api', 'list-objects-v2', '--bucket', bucket.name, '--prefix', prefix], temp.path),
    ) as { Contents: { Key: string }[] };
    assert.deepEqual(listed.Contents.map((entry) => entry.Key).sort(), ODD_KEYS.map((key) => prefix + key).sort());
  });

  it('this layer reads and lists objects written by awscli byte for byte, odd keys included', async () => {
    const prefix = 'theirs/';
    await inParallel(ODD_KEYS, async (key, index) => {
      const file = join(temp.path, `theirs-${index}`);
      const body = Buffer.concat([Buffer.from(`${key}\n`), Buffer.from([1, 254, index])]);
      await writeFile(file, body);
      await aws(
        [
          's3api',
          'put-object',
          '--bucket',
          bucket.name,
          '--key',
          prefix + key,
          '--body',
          file,
          '--content-type',
          'application/x-test',
        ],
        temp.path,
      );
      const { bytes, head } = await getObjectBytes(
        bucket.client,
        { bucket: bucket.name, key: prefix + key, maxBytes: 1024 },
        live,
      );
      assert.equal(sha256(bytes), sha256(body), key);
      assert.equal(head.contentType, 'application/x-test');
    });
    const page = await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live);
    assert.deepEqual(page.objects.map((object) => object.key).sort(), ODD_KEYS.map((key) => prefix + key).sort());
  });

  it('multipart uploads cross over both ways', async () => {
    const file = join(temp.path, 'twenty.bin');
    await writeRandomFile(file, 20 * MiB + 7);
    const hash = await sha256File(file);

    await uploadFile(
      bucket.client,
      { bucket: bucket.name, key: 'mp/ours.bin', filePath: file, multipartThreshold: 5 * MiB, partSize: 5 * MiB },
      live,
    );
    await aws(
      ['s3api', 'get-object', '--bucket', bucket.name, '--key', 'mp/ours.bin', join(temp.path, 'ours.bin')],
      temp.path,
    );
    assert.equal(await sha256File(join(temp.path, 'ours.bin')), hash);

    // `aws s3 cp` goes multipart above 8 MiB.
    await aws(['s3', 'cp', '--only-show-errors', file, `s3://${bucket.name}/mp/theirs.bin`], temp.path);
    assert.match((await headObject(bucket.client, { bucket: bucket.name, key: 'mp/theirs.bin' }, live)).etag, /-\d+$/);
    const { bytes } = await getObjectBytes(
      bucket.client,
      { bucket: bucket.name, key: 'mp/theirs.bin', maxBytes: 21 * MiB },
      live,
    );
    assert.equal(sha256(bytes), hash);
  });
});
