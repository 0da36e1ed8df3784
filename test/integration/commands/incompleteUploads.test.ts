// Incomplete multipart uploads (issue 14, finding 6): an abort that fails is logged and the user
// is told how to remove the parts; Clean Up Incomplete Uploads… lists them and aborts them.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CreateMultipartUploadCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { abortIncompleteUpload, listIncompleteUploads } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, faults, server, useBuckets } from '../support/extension';
import { localTree, openMultipartUploads, randomContent } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'incomplete-uploads';
const COMMAND = 'r2.cleanUpIncompleteUploads';
const signal = () => AbortSignal.timeout(60_000);

/** Starts an upload as another tool (or a session that crashed) would leave it. */
async function startUpload(key: string): Promise<void> {
  const s3 = new S3Client({
    endpoint: server.endpoint,
    forcePathStyle: true,
    region: 'auto',
    credentials: server.admin,
  });
  try {
    await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
  } finally {
    s3.destroy();
  }
}

/** The extension's log, as written to its file under the run folder. */
function logText(): string {
  const files = readdirSync(process.env.R2_TEST_RUN_DIR!, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.includes('R2 Explorer'),
  );
  return files.map((file) => readFileSync(join(process.env.R2_TEST_RUN_DIR!, file), 'utf8')).join('\n');
}

/** The log file is written asynchronously: waits (up to 10 s) for a line to reach it. */
async function logged(pattern: RegExp): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 200) {
    if (pattern.test(logText())) {
      return true;
    }
    await delay(200);
  }
  return false;
}

describe('Clean Up Incomplete Uploads', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let bucketNode: ExplorerNode;

  before(async () => {
    bucketNode = await child(await addServerAccount('Local R2'), BUCKET);
  });

  afterEach(async () => {
    await faults.clear();
    for (const upload of await listIncompleteUploads(client, { bucket: BUCKET }, signal())) {
      await abortIncompleteUpload(client, upload, signal());
    }
  });

  it('lists them with their start, all selected, aborts the ones left selected, and says how many', async () => {
    for (const key of ['left/one.bin', 'left/two.bin', 'keep.bin']) {
      await startUpload(key);
    }
    let offered: vscode.QuickPickItem[] = [];
    const prompts = await runWithPrompts(
      COMMAND,
      [bucketNode],
      [
        (items) => {
          offered = [...items];
          return items.filter((item) => item.label !== 'keep.bin');
        },
      ],
    );
    assert.deepEqual(
      offered.map((item) => [item.label, item.picked]),
      [
        ['keep.bin', true],
        ['left/one.bin', true],
        ['left/two.bin', true],
      ],
    );
    for (const item of offered) {
      assert.match(item.description ?? '', /^started just now, /);
    }
    assert.deepEqual(
      prompts.shown.map((shown) => [shown.level, shown.message]),
      [['info', '2 incomplete uploads removed from bucket "incomplete-uploads".']],
    );
    assert.deepEqual(await openMultipartUploads(BUCKET), ['keep.bin']);
  });

  it('from the palette asks for the bucket, and says when there is nothing to clean up', async () => {
    const prompts = await runWithPrompts(COMMAND, [], [BUCKET]);
    assert.deepEqual(
      prompts.shown.map((shown) => shown.message),
      ['There are no incomplete uploads in bucket "incomplete-uploads".'],
    );
  });

  it('reports the uploads it could not abort, which stay listed', async () => {
    await startUpload('stuck/a.bin');
    await startUpload('stuck/b.bin');
    await faults.inject({ type: 'error', status: 500, operation: 'AbortMultipartUpload', times: 'always' });
    const prompts = await runWithPrompts(COMMAND, [bucketNode], [(items) => items.filter((item) => item.picked)]);
    assert.deepEqual(
      prompts.shown.map((shown) => [shown.level, shown.message, shown.items]),
      [
        [
          'warning',
          '0 incomplete uploads removed from bucket "incomplete-uploads"; 2 could not be removed: the server failed during AbortMultipartUpload.',
          ['Show Log'],
        ],
      ],
    );
    assert.ok(await logged(/stuck\/a\.bin.*could not be removed/), 'each failure is in the log');
    assert.deepEqual(await openMultipartUploads(BUCKET), ['stuck/a.bin', 'stuck/b.bin']);
  });

  it('an upload whose abort fails is logged, and the user is told to clean up its parts', async () => {
    // Over the 32 MiB multipart threshold; every part and every abort fails.
    const root = await localTree({ 'big.bin': randomContent(33 * 1024 * 1024) });
    await faults.inject({ type: 'error', status: 500, operation: 'UploadPart', times: 'always' });
    await faults.inject({ type: 'error', status: 500, operation: 'AbortMultipartUpload', times: 'always' });
    const prompts = await runWithPrompts('r2.upload', [bucketNode, [vscode.Uri.file(join(root, 'big.bin'))]]);
    const told = prompts.shown.find((shown) => /could not be removed/.test(shown.message));
    assert.ok(told, `the user is told: ${JSON.stringify(prompts.shown)}`);
    assert.equal(told.level, 'warning');
    assert.equal(
      told.message,
      'Parts of "big.bin" in bucket "incomplete-uploads" could not be removed: they stay stored (and billed) until removed. Use Clean Up Incomplete Uploads… on the bucket.',
    );
    assert.deepEqual(told.items, ['Clean Up Incomplete Uploads…']);
    assert.ok(
      await logged(/Multipart upload \S+ of "big\.bin" in bucket "incomplete-uploads" could not be aborted/),
      'the failed abort is in the log',
    );
    assert.deepEqual(await openMultipartUploads(BUCKET), ['big.bin']);
  });
});
