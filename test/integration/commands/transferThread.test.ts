// Large files move in the extension host's transfer thread (src/transfers): the real commands,
// through the thread, give the same bytes, progress, Cancel and failure messages as in the main
// thread. Small files stay in the main thread.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { deleteObject, downloadFile, headObject, isR2Error, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, api, child, faults, server, useBuckets } from '../support/extension';
import { openMultipartUploads, randomContent, sha256 } from '../support/files';
import { recordProgress } from '../support/progress';
import { scriptPrompts } from '../support/prompts';

const BUCKET = 'thread-bucket';
const MiB = 1024 * 1024;
/** Above the multipart threshold (32 MiB): an upload in parts. */
const UPLOAD_BYTES = 40 * MiB + 5;
/** Above one range (64 MiB): a download of two. */
const DOWNLOAD_BYTES = 70 * MiB + 7;
const signal = () => AbortSignal.timeout(120_000);

async function handed(): Promise<number> {
  return (await api()).transferThread.handed;
}

/** Runs a command with the progress notification stood in for; `whileRunning` may press its Cancel. */
async function run(
  command: string,
  args: unknown[],
  answers: vscode.Uri[][] = [],
  whileRunning?: (cancel: () => void) => Promise<void>,
) {
  const prompts = scriptPrompts(answers);
  const progress = recordProgress();
  try {
    const running = vscode.commands.executeCommand(command, ...args);
    await whileRunning?.(progress.cancel);
    await running;
  } finally {
    progress.restore();
    prompts.restore();
  }
  return { summary: prompts.shown.at(-1)?.message, messages: progress.seen.messages };
}

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Transfer thread', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  const download = randomContent(DOWNLOAD_BYTES);
  let bucket: ExplorerNode;
  let local: string;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'large.bin', body: download }, signal());
    await putObject(client, { bucket: BUCKET, key: 'small.bin', body: 'small' }, signal());
    // For the failures: each is listed now, and deleted or replaced behind the view's back.
    for (const key of ['gone-large.bin', 'replaced.bin']) {
      await putObject(client, { bucket: BUCKET, key, body: download }, signal());
    }
    await putObject(client, { bucket: BUCKET, key: 'gone-small.bin', body: 'small' }, signal());
    bucket = await child(await addServerAccount('Threaded'), BUCKET);
    local = await mkdtemp(join(tmpdir(), 'r2-thread-'));
  });

  afterEach(() => faults.clear());

  it('uploads a large file through the thread: same bytes, progress shown', async () => {
    const file = join(local, 'upload.bin');
    const bytes = randomContent(UPLOAD_BYTES);
    await writeFile(file, bytes);
    const before = await handed();
    const { summary, messages } = await run('r2.upload', [bucket, [vscode.Uri.file(file)]]);
    assert.equal(summary, `Uploaded upload.bin to ${BUCKET}/`);
    assert.equal(await handed(), before + 1, 'the upload went to the thread');
    assert.ok(
      messages.some((message) => /^upload\.bin — [\d.]+ MiB of 40 MiB/.test(message)),
      messages.join('\n'),
    );
    const copy = join(local, 'uploaded-copy.bin');
    await downloadFile(client, { bucket: BUCKET, key: 'upload.bin', filePath: copy }, signal());
    assert.equal(sha256(await readFile(copy)), sha256(bytes));
  });

  it('downloads a large object through the thread: same bytes, progress shown; a small one stays in the main thread', async () => {
    const target = await mkdtemp(join(local, 'download-'));
    const before = await handed();
    const large = await run('r2.download', [await child(bucket, 'large.bin')], [[vscode.Uri.file(target)]]);
    assert.equal(await handed(), before + 1, 'the download went to the thread');
    assert.ok(
      large.messages.some((message) => /^large\.bin — [\d.]+ MiB of 70 MiB/.test(message)),
      large.messages.join('\n'),
    );
    assert.equal(sha256(await readFile(join(target, 'large.bin'))), sha256(download));
    await run('r2.download', [await child(bucket, 'small.bin')], [[vscode.Uri.file(target)]]);
    assert.equal(await handed(), before + 1, 'the small download stayed in the main thread');
    assert.equal(await readFile(join(target, 'small.bin'), 'utf8'), 'small');
    assert.deepEqual(readdirSync(target).sort(), ['large.bin', 'small.bin']);
  });

  it('Cancel of a large upload in the thread aborts its multipart upload; no object is left', async () => {
    const file = join(local, 'cancelled.bin');
    await writeFile(file, randomContent(UPLOAD_BYTES));
    // Parts are held until the client gives up on them, so only Cancel can end the upload.
    await faults.inject({ type: 'delay', operation: 'UploadPart', ms: 600_000, times: 'always' });
    const before = await handed();
    const { summary } = await run('r2.upload', [bucket, [vscode.Uri.file(file)]], [], async (cancel) => {
      await until(async () => (await openMultipartUploads(BUCKET)).length > 0);
      cancel();
    });
    assert.equal(await handed(), before + 1);
    assert.match(summary ?? '', /0 uploaded, 1 not done \(cancelled\)/);
    assert.deepEqual(await openMultipartUploads(BUCKET), []);
    await assert.rejects(headObject(client, { bucket: BUCKET, key: 'cancelled.bin' }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
  });

  it('Cancel of a large download in the thread removes its partial file', async () => {
    const target = await mkdtemp(join(local, 'cancel-'));
    // The first range comes; the second is held until the client leaves.
    await faults.inject({ type: 'delay', operation: 'GetObject', ms: 0, times: 1 });
    await faults.inject({ type: 'delay', operation: 'GetObject', ms: 600_000, times: 'always' });
    const before = await handed();
    const { summary } = await run(
      'r2.download',
      [await child(bucket, 'large.bin')],
      [[vscode.Uri.file(target)]],
      async (cancel) => {
        await until(() => readdirSync(target).some((name) => name.startsWith('.r2-partial-')));
        cancel();
      },
    );
    assert.equal(await handed(), before + 1);
    assert.match(summary ?? '', /0 downloaded, 1 not done \(cancelled\)/);
    assert.deepEqual(readdirSync(target), []);
  });

  describe('failures say what they said in the main thread', () => {
    /** The summary of a download of `key` by `node`'s account, with the key's name replaced by NAME. */
    async function downloadSummary(node: ExplorerNode, key: string): Promise<string | undefined> {
      const target = await mkdtemp(join(local, 'failed-'));
      const { summary } = await run('r2.download', [node], [[vscode.Uri.file(target)]]);
      assert.deepEqual(readdirSync(target), [], 'nothing is left behind');
      return summary?.replaceAll(key, 'NAME');
    }

    it('an object deleted since it was listed (404)', async () => {
      const [large, small] = [await child(bucket, 'gone-large.bin'), await child(bucket, 'gone-small.bin')];
      await deleteObject(client, { bucket: BUCKET, key: 'gone-large.bin' }, signal());
      await deleteObject(client, { bucket: BUCKET, key: 'gone-small.bin' }, signal());
      const before = await handed();
      const inThread = await downloadSummary(large, 'gone-large.bin');
      assert.equal(await handed(), before + 1);
      assert.equal(inThread, await downloadSummary(small, 'gone-small.bin'));
      assert.match(inThread ?? '', /^0 downloaded, 1 failed/);
    });

    it('a token that may not read the bucket (AccessDenied)', async () => {
      // The admin's rows, as they are after the account's token was narrowed to another bucket.
      const scoped = (await addServerAccount('Narrowed', server.scoped)) as ExplorerNode & { account: unknown };
      const narrowed = async (key: string) =>
        Object.defineProperty(Object.create(await child(bucket, key)), 'account', {
          value: scoped.account,
        }) as ExplorerNode;
      const before = await handed();
      const inThread = await downloadSummary(await narrowed('large.bin'), 'large.bin');
      assert.equal(await handed(), before + 1);
      assert.equal(inThread, await downloadSummary(await narrowed('small.bin'), 'small.bin'));
      assert.match(inThread ?? '', /^0 downloaded, 1 failed/);
    });

    it('an object replaced while it downloads (PreconditionFailed)', async () => {
      const node = await child(bucket, 'replaced.bin');
      // Another client replaces the object between the first range and the second (the first
      // request's write goes elsewhere).
      await faults.inject({ type: 'write', operation: 'GetObject', bucket: BUCKET, key: 'elsewhere.txt', body: 'x' });
      await faults.inject({ type: 'write', operation: 'GetObject', bucket: BUCKET, key: 'replaced.bin', body: 'new' });
      const before = await handed();
      const inThread = await downloadSummary(node, 'replaced.bin');
      assert.equal(await handed(), before + 1);
      // As downloadFile says it in the main thread: the R2Error's own message, classified the same.
      assert.equal(
        inThread,
        `0 downloaded, 1 failed: "NAME" in bucket "${BUCKET}" changed on the server (precondition failed).`,
      );
    });
  });
});
