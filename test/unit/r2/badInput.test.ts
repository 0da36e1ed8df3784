// Bad input, each row with the message the user reads. Everything refused here is refused before
// any request (counted on the client's side, so on any server).
import assert from 'node:assert/strict';
import { appendFileSync, truncateSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bucketNameProblem, headObject, isValidKey, presignUrl, resolveEndpoint, uploadFile } from '../../../src/r2';
import type { EndpointConfig } from '../../../src/r2';
import { assertRequests, countRequests, expectR2Error, live, useBucket, useTempDir, writeRandomFile } from './helpers';

describe('r2 bad input', () => {
  const bucket = useBucket('bad-input');
  const temp = useTempDir();

  it('refuses bucket names that break R2 rules, saying which rule', () => {
    const table: Array<[string, string | undefined]> = [
      ['ab', 'Bucket names are 3 to 63 characters long.'],
      ['a'.repeat(64), 'Bucket names are 3 to 63 characters long.'],
      ['Upper-Case', 'Bucket names use only lower-case letters, digits and hyphens.'],
      ['under_score', 'Bucket names use only lower-case letters, digits and hyphens.'],
      ['dots.not.allowed', 'Bucket names use only lower-case letters, digits and hyphens.'],
      ['-leading', 'Bucket names start and end with a letter or digit.'],
      ['trailing-', 'Bucket names start and end with a letter or digit.'],
      ['good-name-123', undefined],
    ];
    for (const [name, message] of table) {
      assert.equal(bucketNameProblem(name), message, name);
    }
  });

  it('refuses empty keys and keys over 1024 bytes before any request; control characters are keys too', async () => {
    countRequests(bucket.requests);
    for (const key of ['', 'é'.repeat(513)]) {
      const error = await expectR2Error(
        uploadFile(bucket.client, { bucket: bucket.name, key, filePath: __filename }, live),
        'InvalidKey',
      );
      assert.equal(error.message, 'Object keys must be 1 to 1024 bytes of UTF-8.');
    }
    assertRequests(bucket.requests, {});
    assert.equal(isValidKey('tab\tnew\nline\u0001'), true);
  });

  it('uploads a 0-byte file', async () => {
    const path = join(temp.path, 'empty');
    await writeFile(path, '');
    await uploadFile(bucket.client, { bucket: bucket.name, key: 'empty', filePath: path }, live);
    assert.equal((await headObject(bucket.client, { bucket: bucket.name, key: 'empty' }, live)).size, 0);
  });

  it("refuses a file over R2's 5 TiB object limit before any request", async function () {
    const path = join(temp.path, 'huge.sparse');
    const file = await open(path, 'w');
    // Sparse: the size is real to stat, the disk holds nothing.
    await file.truncate(5 * 1024 ** 4 - 5 * 1024 ** 3 + 1);
    await file.close();
    countRequests(bucket.requests);
    const error = await expectR2Error(
      uploadFile(bucket.client, { bucket: bucket.name, key: 'huge', filePath: path }, live),
      'EntityTooLarge',
    );
    assert.match(error.message, /larger than the 5 TiB − 5 GiB an object can hold/);
    assertRequests(bucket.requests, {});
  });

  for (const change of ['grows', 'shrinks'] as const) {
    it(`refuses a file that ${change} while it is uploaded, and keeps no object`, async () => {
      const path = join(temp.path, `changing-${change}`);
      await writeRandomFile(path, 8 * 1024 * 1024);
      let changed = false;
      const error = await expectR2Error(
        uploadFile(
          bucket.client,
          {
            bucket: bucket.name,
            key: `changing-${change}`,
            filePath: path,
            onProgress: () => {
              if (!changed) {
                changed = true;
                if (change === 'grows') {
                  appendFileSync(path, 'more bytes');
                } else {
                  truncateSync(path, 1024);
                }
              }
            },
          },
          live,
        ),
        'FileChanged',
      );
      assert.match(error.message, /changed while it was uploaded/);
      await expectR2Error(
        headObject(bucket.client, { bucket: bucket.name, key: `changing-${change}` }, live),
        'NoSuchKey',
      );
    });
  }

  it('lets exactly one of two simultaneous uploads create a key with If-None-Match', async () => {
    const path = join(temp.path, 'race');
    await writeRandomFile(path, 256 * 1024);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        uploadFile(bucket.client, { bucket: bucket.name, key: 'race', filePath: path, ifNoneMatch: '*' }, live),
      ),
    );
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      assert.equal((result.reason as { code: string }).code, 'AlreadyExists');
    }
  });

  it('refuses presign expiries of 0 or over 7 days', async () => {
    for (const expiresInSeconds of [0, 604_801]) {
      const error = await expectR2Error(
        presignUrl(bucket.client, { bucket: bucket.name, key: 'k', method: 'GET', expiresInSeconds }),
        'InvalidArgument',
      );
      assert.equal(error.message, 'A presigned URL expires after 1 to 604800 seconds (7 days).');
    }
  });

  it('checks endpoints: not a URL is refused, plain http off loopback is warned about, account IDs have one shape', () => {
    const problem = (config: EndpointConfig) => {
      try {
        return { warnings: resolveEndpoint(config).warnings.map((w) => w.message) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    assert.deepEqual(problem({ kind: 'custom', url: 'not a url' }), { error: 'The endpoint is not a valid URL.' });
    assert.deepEqual(problem({ kind: 'custom', url: 'ftp://example.com' }), {
      error: 'The endpoint must be an http:// or https:// URL.',
    });
    assert.deepEqual(problem({ kind: 'custom', url: 'http://storage.example.com:9000' }), {
      warnings: ['storage.example.com:9000 is reached over plain http: requests and data can be read on the network.'],
    });
    assert.deepEqual(problem({ kind: 'custom', url: 'http://127.0.0.1:9000' }), { warnings: [] });
    assert.deepEqual(problem({ kind: 'r2', accountId: 'not-an-account', jurisdiction: 'default' }), {
      error: 'A Cloudflare account ID is 32 hexadecimal characters.',
    });
  });
});
