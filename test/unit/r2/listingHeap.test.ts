// What a parsed listing keeps alive. The tree keeps every row of a large folder (ETag and all) and the
// next page's token, so a field that is a view into the answer's text keeps the whole answer: 1,000
// rows kept a 1,000-row answer. Measured in a Node process of its own, from its heap snapshot.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { heldBy } from '../../support/heldBytes';

const ROWS = 1000;
/** Parses answers built the way S3 writes them and keeps what the parse returned in `held`. */
const PARSE = `
const { writeHeapSnapshot } = require('node:v8');
const { parseObjectListing, parseBucketListing } = require(process.argv[1]);
const etag = (i) => String(i).padStart(32, 'e');
// ETags quoted with entities (as R2 writes them) and with plain quotes (as XML allows).
const entry = (i) =>
  '<Contents><Key>folder/object-' + String(i).padStart(7, '0') + '.txt</Key>' +
  '<LastModified>2026-12-01T23:45:00.123Z</LastModified>' +
  (i % 2 === 0 ? '<ETag>&quot;' + etag(i) + '&quot;</ETag>' : '<ETag>"' + etag(i) + '"</ETag>') +
  '<Size>' + i + '</Size><StorageClass>STANDARD</StorageClass></Contents>';
const rows = Number(process.argv[3]);
const listing = '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bucket</Name>' +
  '<Prefix>folder/</Prefix><MaxKeys>' + rows + '</MaxKeys><IsTruncated>true</IsTruncated>' +
  Array.from({ length: rows }, (_, i) => entry(i)).join('') +
  '<NextContinuationToken>' + 'token'.repeat(40) + '</NextContinuationToken></ListBucketResult>';
const buckets = '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets>' +
  Array.from({ length: 100 }, (_, i) => '<Bucket><Name>a-bucket-named-' + i + '</Name>' +
    '<CreationDate>2026-12-01T23:45:00.000Z</CreationDate></Bucket>').join('') +
  '</Buckets></ListAllMyBucketsResult>';
globalThis.heldPage = parseObjectListing(Buffer.from(listing).toString('utf8'));
globalThis.heldBuckets = parseBucketListing(Buffer.from(buckets).toString('utf8'));
writeHeapSnapshot(process.argv[2]);
process.stdout.write(String(listing.length));
`;

describe('r2 listings keep none of the answer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'r2-listing-heap-'));
  const snapshot = join(folder, 'parsed.heapsnapshot');
  let answerLength = 0;

  before(async function () {
    this.timeout(60_000);
    const listXml = resolve(__dirname, '..', '..', '..', 'src', 'r2', 'listXml.js');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', PARSE, listXml, snapshot, String(ROWS)]);
    answerLength = Number(stdout);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('a page of objects holds its own strings, none of them the answer', function () {
    this.timeout(60_000);
    const held = heldBy(snapshot, 'heldPage');
    assert.equal(held.views, 0, `strings that are views into another: ${JSON.stringify(held.byType)}`);
    assert.ok(held.largestString < 1000, `a string of ${held.largestString} bytes (the answer: ${answerLength})`);
  });

  it('a list of buckets holds its own names', function () {
    this.timeout(60_000);
    const held = heldBy(snapshot, 'heldBuckets');
    assert.equal(held.views, 0, `strings that are views into another: ${JSON.stringify(held.byType)}`);
  });
});
