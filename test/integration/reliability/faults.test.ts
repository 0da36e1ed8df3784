// Faults injected by the local server while the extension works: each test checks what the user
// is told and what is left in the bucket and on disk, not only that something failed.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { headObject, isR2Error, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import {
  addServerAccount,
  adminClient,
  api,
  child,
  children,
  faults,
  label,
  requests,
  server,
  useBuckets,
} from '../support/extension';
import { bucketContents, localTree, openMultipartUploads, randomContent, sha256 } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'faults-bucket';
const signal = () => AbortSignal.timeout(120_000);
/** Every local folder a test downloads into: the suite ends by checking none holds a partial file. */
const targets: string[] = [];
async function downloadTarget(): Promise<string> {
  const target = await mkdtemp(join(tmpdir(), 'r2-faults-'));
  targets.push(target);
  return target;
}

describe('Faults', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let bucketNode: ExplorerNode;
  const uploadTo = (node: ExplorerNode, paths: string[], messageAnswer?: Parameters<typeof runWithPrompts>[3]) =>
    runWithPrompts('r2.upload', [node, paths.map((path) => vscode.Uri.file(path))], [], messageAnswer);

  let untouched: Record<string, string>;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'list/a.txt', body: 'a' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'get/blob.bin', body: randomContent(3 * 1024 * 1024) }, signal());
    untouched = {
      ...(await bucketContents(client, BUCKET, 'list/')),
      ...(await bucketContents(client, BUCKET, 'get/')),
    };
    bucketNode = await child(await addServerAccount('Local R2'), BUCKET);
  });

  afterEach(() => faults.clear());

  after(async () => {
    await vscode.workspace
      .getConfiguration('r2')
      .update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('retries a 503 burst on listing, and the folder lists', async () => {
    await faults.inject({ type: 'error', status: 503, operation: 'ListObjectsV2', times: 2 });
    await requests.reset();
    (await api()).explorer.refresh(bucketNode);
    assert.deepEqual((await children(bucketNode)).map(label), ['get/', 'list/']);
    assert.equal((await requests.byOperation()).ListObjectsV2, 3);
  });

  it('retries 503s on get during a download, and the file is whole', async () => {
    const target = await downloadTarget();
    await faults.inject({ type: 'error', status: 503, operation: 'GetObject', times: 2 });
    const blob = await child(await child(bucketNode, 'get/'), 'blob.bin');
    const prompts = await runWithPrompts('r2.download', [blob], [[vscode.Uri.file(target)]]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /^1 downloaded\.$/);
    assert.equal(
      sha256(readFileSync(join(target, 'blob.bin'))),
      (await bucketContents(client, BUCKET, 'get/'))['get/blob.bin'],
    );
  });

  it('retries 503s on put and on one multipart part; the objects are identical and no upload is left open', async () => {
    const small = randomContent(10_000);
    const large = randomContent(40 * 1024 * 1024);
    const root = await localTree({ 'small.bin': small, 'large.bin': large });
    await faults.inject({ type: 'error', status: 503, operation: 'PutObject', times: 2 });
    await faults.inject({ type: 'error', status: 503, operation: 'UploadPart', times: 1 });
    const prompts = await uploadTo(bucketNode, [join(root, 'small.bin'), join(root, 'large.bin')]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /^Uploaded 2 files to /);
    const contents = await bucketContents(client, BUCKET);
    assert.equal(contents['small.bin'], sha256(small));
    assert.equal(contents['large.bin'], sha256(large));
    assert.deepEqual(await openMultipartUploads(BUCKET), []);
  });

  it('gives up on a server slower than the timeout after bounded retries, then Retry works', async () => {
    const list = await child(bucketNode, 'list/');
    await vscode.workspace.getConfiguration('r2').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await faults.inject({ type: 'delay', ms: 2500, operation: 'ListObjectsV2', times: 10 });
    await requests.reset();
    (await api()).explorer.refresh(list);
    const failed = await children(list);
    assert.match(label(failed[0]), /did not respond in time/);
    assert.equal((await requests.byOperation()).ListObjectsV2, 4, 'four attempts, no more');
    await faults.clear();
    const retry = failed[0].getTreeItem().command!;
    await vscode.commands.executeCommand(retry.command, ...(retry.arguments ?? []));
    assert.deepEqual((await children(list)).map(label), ['a.txt']);
    await vscode.workspace
      .getConfiguration('r2')
      .update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reports an upload whose connection keeps being cut, and leaves no object', async () => {
    const root = await localTree({ 'cut.bin': randomContent(200_000) });
    await faults.inject({ type: 'cutRequest', afterBytes: 50_000, operation: 'PutObject', times: 'always' });
    await requests.reset();
    const prompts = await uploadTo(bucketNode, [join(root, 'cut.bin')], undefined);
    assert.match(
      prompts.shown.at(-1)?.message ?? '',
      /^0 uploaded, 1 failed: (could not reach the server|the server did not respond in time)\.$/,
    );
    assert.deepEqual(prompts.shown.at(-1)?.items, ['Retry Failed', 'Show Log']);
    assert.equal((await requests.byOperation()).PutObject, 4);
    await assert.rejects(headObject(client, { bucket: BUCKET, key: 'cut.bin' }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
  });

  it('reports a download whose connection keeps being cut, leaving the old local file and no partial file', async () => {
    const target = await downloadTarget();
    await writeFile(join(target, 'blob.bin'), 'the old local copy');
    await faults.inject({ type: 'cutResponse', afterBytes: 100_000, operation: 'GetObject', times: 'always' });
    const blob = await child(await child(bucketNode, 'get/'), 'blob.bin');
    const prompts = await runWithPrompts('r2.download', [blob], [[vscode.Uri.file(target)]], ['Overwrite', undefined]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /^0 downloaded, 1 failed: /);
    assert.equal(readFileSync(join(target, 'blob.bin'), 'utf8'), 'the old local copy');
    assert.deepEqual(readdirSync(target), ['blob.bin']);
  });

  it('reports exactly what a folder upload finished when the server stops midway, and Retry Failed completes it', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`batch/file-${String(i).padStart(2, '0')}.txt`, `content ${i}`]),
    );
    const root = await localTree(files);
    // Slow uploads down so the outage lands in the middle of the batch: 16 files at a time (the
    // default r2.uploadConcurrency) take 500 ms a round, and the server stops 700 ms in.
    await faults.inject({ type: 'delay', ms: 500, operation: 'PutObject', times: 'always' });
    const outageMs = 4000;
    const outageOver = new Promise((resolve) => setTimeout(resolve, 700))
      .then(() => faults.outage(outageMs))
      .then(() => new Promise((resolve) => setTimeout(resolve, outageMs + 500)));
    // Retry Failed is pressed once the server is back.
    const prompts = await uploadTo(
      bucketNode,
      [join(root, 'batch')],
      [async () => (await outageOver, 'Retry Failed'), undefined],
    );
    const first = /^(\d+) uploaded, (\d+) failed: could not reach the server\.$/.exec(prompts.shown[0]?.message ?? '');
    assert.ok(first, `first summary: ${prompts.shown[0]?.message}`);
    const [done, failed] = [Number(first[1]), Number(first[2])];
    assert.ok(done > 0 && failed > 0 && done + failed === 40, `${done} + ${failed}`);
    // After Retry Failed: every file, byte for byte.
    assert.match(
      prompts.shown.at(-1)?.message ?? '',
      new RegExp(`^Uploaded ${failed === 1 ? '\\S+' : `${failed} files`} to `),
    );
    const expected = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, sha256(content)]));
    assert.deepEqual(await bucketContents(client, BUCKET, 'batch/'), expected);
  });

  it('says the credentials stopped working when the token is revoked in use, offering Edit Account', async () => {
    const account = await addServerAccount('Revocable', server.revocable);
    const bucket = await child(account, BUCKET);
    assert.ok((await children(bucket)).length > 0);
    await faults.revoke(server.revocable.accessKeyId);
    (await api()).explorer.refresh(bucket);
    const failed = await children(bucket);
    assert.equal(label(failed[0]), 'Credentials stopped working');
    assert.match(String(failed[0].getTreeItem().tooltip), /access key ID or secret access key is not valid/);
    const prompts = await runWithPrompts('r2.newFolder', [bucket], ['new-folder']);
    assert.match(prompts.shown.at(-1)?.message ?? '', /access key ID or secret access key is not valid/);
    assert.deepEqual(prompts.shown.at(-1)?.items, ['Edit Account', 'Show Log']);
  });

  // Runs last: whatever the faults above did, nothing was lost or left half done.
  it('ends with 0 bytes lost, 0 multipart uploads left open and 0 partial files', async () => {
    assert.deepEqual(
      { ...(await bucketContents(client, BUCKET, 'list/')), ...(await bucketContents(client, BUCKET, 'get/')) },
      untouched,
    );
    assert.deepEqual(await openMultipartUploads(BUCKET), []);
    const partial = targets.flatMap((target) =>
      readdirSync(target, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('r2-partial')),
    );
    assert.ok(targets.length > 0, 'the suite downloaded somewhere');
    assert.deepEqual(partial, []);
  });
});
