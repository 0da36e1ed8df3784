// ListObjectsV2 and ListBuckets go around the SDK (src/r2/listXml.ts, signedRequest.ts), so that
// browsing never loads it: what they return must be what the SDK read from the same answers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { listBuckets, listPage, putObject } from '../../../src/r2';
import type { ListPage } from '../../../src/r2';
import { decodeListedKey, unquoteEtag } from '../../../src/r2/keys';
import { s3env } from '../../support/s3env';
import { live, ODD_KEYS, useBucket } from './helpers';

function sdkClient(): S3Client {
  const { endpoint, credentials } = s3env();
  return new S3Client({ endpoint, forcePathStyle: true, region: 'auto', credentials });
}

/** Every page as the SDK reads it, in listPage's shape. */
async function sdkPages(bucket: string, prefix: string, delimiter: string, pageSize: number): Promise<ListPage[]> {
  const sdk = sdkClient();
  const pages: ListPage[] = [];
  let token: string | undefined;
  try {
    do {
      const output = await sdk.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          Delimiter: delimiter === '' ? undefined : delimiter,
          MaxKeys: pageSize,
          ContinuationToken: token,
          EncodingType: 'url',
        }),
      );
      token = output.IsTruncated === true ? output.NextContinuationToken : undefined;
      pages.push({
        objects: (output.Contents ?? []).map((entry) => ({
          key: decodeListedKey(entry.Key ?? ''),
          size: entry.Size ?? 0,
          etag: unquoteEtag(entry.ETag),
          lastModified: entry.LastModified ?? new Date(0),
          storageClass: entry.StorageClass,
        })),
        prefixes: (output.CommonPrefixes ?? []).map((entry) => decodeListedKey(entry.Prefix ?? '')),
        nextToken: token,
      });
    } while (token !== undefined);
  } finally {
    sdk.destroy();
  }
  return pages;
}

type TestBucketLike = ReturnType<typeof useBucket>;

async function ourPages(
  bucket: TestBucketLike,
  prefix: string,
  delimiter: string,
  pageSize: number,
): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let token: string | undefined;
  do {
    const page = await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter, pageSize, token }, live);
    pages.push(page);
    token = page.nextToken;
  } while (token !== undefined);
  return pages;
}

describe('r2 listings without the SDK', () => {
  const bucket = useBucket('r2-lean-listing');
  // Markup and entities in keys, sizes from 0, a folder marker, a nested folder.
  const keys = [...ODD_KEYS, 'a&b<c>d.txt', 'it\'s &amp; "quoted"', 'empty', 'folder/', 'folder/inner/x.bin'].map(
    (key) => `lean/${key}`,
  );

  before(async () => {
    for (const [index, key] of keys.entries()) {
      await putObject(bucket.client, { bucket: bucket.name, key, body: Buffer.alloc(index * 3, 'x') }, live);
    }
  });

  for (const [delimiter, pageSize] of [
    ['/', 4],
    ['', 3],
    ['/', 1000],
  ] as const) {
    it(`reads every page as the SDK does (delimiter "${delimiter}", ${pageSize} a page)`, async () => {
      const ours = await ourPages(bucket, 'lean/', delimiter, pageSize);
      const theirs = await sdkPages(bucket.name, 'lean/', delimiter, pageSize);
      // Tokens are the server's: the same one twice in a row is not promised, their presence is.
      const strip = (pages: ListPage[]) => pages.map((page) => ({ ...page, nextToken: page.nextToken !== undefined }));
      // listPage leaves out a folder's own marker under a delimiter, as before.
      const expected = strip(theirs).map((page) => ({
        ...page,
        objects: page.objects.filter((object) => !(delimiter !== '' && object.key === 'lean/')),
      }));
      assert.deepEqual(strip(ours), expected);
      assert.ok(ours.flatMap((page) => page.objects).length >= (delimiter === '' ? keys.length : 1));
    });
  }

  it('lists buckets as the SDK does, names and creation dates', async () => {
    const sdk = sdkClient();
    try {
      const output = await sdk.send(new ListBucketsCommand({}));
      const theirs = (output.Buckets ?? []).map((entry) => ({
        name: entry.Name ?? '',
        creationDate: entry.CreationDate,
      }));
      const ours = await listBuckets(bucket.client, live);
      assert.deepEqual(ours, theirs);
      assert.ok(ours.some((entry) => entry.name === bucket.name));
    } finally {
      sdk.destroy();
    }
  });

  it('adding an account and browsing with the built dist/r2.js load no SDK; the first other command does', async () => {
    const dist = resolve(__dirname, '..', '..', '..', '..', 'dist');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', BROWSE, dist, bucket.name], {
      env: {
        ...process.env,
        R2_PROBE: JSON.stringify({ endpoint: s3env().endpoint, credentials: s3env().credentials }),
      },
    });
    const { listed, sdkAfterListing, sdkAfterHead } = JSON.parse(stdout) as Record<string, unknown>;
    assert.ok(typeof listed === 'number' && listed > 0, 'the bucket was listed');
    assert.equal(
      sdkAfterListing,
      false,
      "listing buckets and keys and the account's write probe did not load dist/sdk.js",
    );
    assert.equal(sdkAfterHead, true, 'a HeadObject loaded dist/sdk.js');
  });
});

/**
 * Lists buckets, probes for write access as adding an account does (a DeleteObject of a key that does
 * not exist), lists keys, then sends a HEAD, with the built bundle, telling when dist/sdk.js loaded.
 */
const BROWSE = `
const [dist, bucket] = process.argv.slice(1);
const r2 = require(require('node:path').join(dist, 'r2.js'));
const sdkLoaded = () => Object.keys(require.cache).some((file) => file.endsWith('sdk.js'));
const { endpoint, credentials } = JSON.parse(process.env.R2_PROBE);
const client = new r2.R2Client({ endpoint: { kind: 'custom', url: endpoint }, credentials });
const signal = new AbortController().signal;
(async () => {
  await r2.listBuckets(client, signal);
  await r2.deleteObject(client, { bucket, key: 'no-such-key-' + Date.now() }, signal);
  const page = await r2.listPage(client, { bucket, prefix: 'lean/', delimiter: '' }, signal);
  const sdkAfterListing = sdkLoaded();
  await r2.headObject(client, { bucket, key: page.objects[0].key }, signal);
  process.stdout.write(JSON.stringify({ listed: page.objects.length, sdkAfterListing, sdkAfterHead: sdkLoaded() }));
  client.destroy();
})();
`;
