// Independent SigV4 clients (Debian's awscli and boto3) must be accepted too: a server that only
// agrees with the JavaScript SDK could share its bugs.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useServer } from './helpers';

const run = promisify(execFile);
const AWS = '/usr/bin/aws';
const PYTHON = '/usr/bin/python3';

describe('r2server: independent clients', function () {
  this.timeout(30_000);
  const h = useServer();
  let work: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'r2server-interop-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  function env(): NodeJS.ProcessEnv {
    const credential = h.server.credentials[0];
    return {
      PATH: process.env.PATH,
      HOME: work,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_ACCESS_KEY_ID: credential.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credential.secretAccessKey,
      AWS_DEFAULT_REGION: 'auto',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
  }

  const aws = async (...args: string[]): Promise<string> =>
    (await run(AWS, ['--endpoint-url', h.server.endpoint, ...args], { env: env() })).stdout;

  describe('awscli', () => {
    before(function () {
      if (!existsSync(AWS)) {
        this.skip();
      }
    });

    it('uploads a 9 MB file in parts (equal-size rule holds), lists, downloads and deletes it', async () => {
      const file = join(work, 'big.bin');
      const data = Buffer.alloc(9 * 1024 * 1024);
      for (let i = 0; i < data.length; i += 512) {
        data[i] = i & 0xff;
      }
      writeFileSync(file, data);
      await aws('s3', 'cp', '--no-progress', file, `s3://${h.bucket}/cli/big file.bin`);
      const head = await h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'cli/big file.bin' }));
      assert.match(head.ETag ?? '', /-2"$/, 'awscli switches to multipart above 8 MiB');
      assert.equal(head.ContentLength, data.length);

      assert.match(await aws('s3', 'ls', `s3://${h.bucket}/cli/`), /big file\.bin/);
      const copy = join(work, 'copy.bin');
      await aws('s3', 'cp', '--no-progress', `s3://${h.bucket}/cli/big file.bin`, copy);
      assert.ok(readFileSync(copy).equals(data));
      await aws('s3', 'rm', `s3://${h.bucket}/cli/big file.bin`);
      await assert.rejects(h.client.send(new HeadObjectCommand({ Bucket: h.bucket, Key: 'cli/big file.bin' })));
    });

    it('puts an object with metadata through s3api', async () => {
      const file = join(work, 'small.txt');
      writeFileSync(file, 'from awscli');
      const out = JSON.parse(
        await aws(
          's3api',
          'put-object',
          '--bucket',
          h.bucket,
          '--key',
          'cli/odd+key #1.txt',
          '--body',
          file,
          '--content-type',
          'text/plain',
          '--metadata',
          'source=awscli',
        ),
      ) as { ETag: string };
      const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'cli/odd+key #1.txt' }));
      assert.equal(got.ETag, out.ETag);
      assert.equal(await got.Body?.transformToString(), 'from awscli');
      assert.deepEqual(got.Metadata, { source: 'awscli' });
    });
  });

  describe('boto3', () => {
    before(async function () {
      try {
        await run(PYTHON, ['-c', 'import boto3']);
      } catch {
        this.skip();
      }
    });

    it('puts, gets, lists, presigns and deletes', async () => {
      await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: 'py/from-js.txt', Body: 'from js' }));
      const script = `
import json, sys, urllib.request, boto3
from botocore.config import Config
endpoint, bucket = sys.argv[1], sys.argv[2]
s3 = boto3.client('s3', endpoint_url=endpoint, region_name='auto', config=Config(s3={'addressing_style': 'path'}))
out = {}
s3.put_object(Bucket=bucket, Key='py/a b+c?.txt', Body=b'from boto3', Metadata={'lang': 'python'})
got = s3.get_object(Bucket=bucket, Key='py/from-js.txt')
out['get'] = got['Body'].read().decode()
listing = s3.list_objects_v2(Bucket=bucket, Prefix='py/', Delimiter='/')
out['keys'] = [c['Key'] for c in listing.get('Contents', [])]
url = s3.generate_presigned_url('get_object', Params={'Bucket': bucket, 'Key': 'py/a b+c?.txt'}, ExpiresIn=60)
out['presigned'] = urllib.request.urlopen(url).read().decode()
put_url = s3.generate_presigned_url('put_object', Params={'Bucket': bucket, 'Key': 'py/presigned-put'}, ExpiresIn=60)
urllib.request.urlopen(urllib.request.Request(put_url, data=b'via presigned put', method='PUT')).read()
s3.delete_object(Bucket=bucket, Key='py/from-js.txt')
out['after_delete'] = [c['Key'] for c in s3.list_objects_v2(Bucket=bucket, Prefix='py/').get('Contents', [])]
print(json.dumps(out))
`;
      const { stdout } = await run(PYTHON, ['-c', script, h.server.endpoint, h.bucket], { env: env() });
      assert.deepEqual(JSON.parse(stdout), {
        get: 'from js',
        keys: ['py/a b+c?.txt', 'py/from-js.txt'],
        presigned: 'from boto3',
        after_delete: ['py/a b+c?.txt', 'py/presigned-put'],
      });
      const got = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'py/a b+c?.txt' }));
      assert.deepEqual(got.Metadata, { lang: 'python' });
      const presignedPut = await h.client.send(new GetObjectCommand({ Bucket: h.bucket, Key: 'py/presigned-put' }));
      assert.equal(await presignedPut.Body?.transformToString(), 'via presigned put');
    });
  });
});
