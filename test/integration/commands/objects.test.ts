import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  createBucket,
  deleteBucket,
  deletePrefix,
  getObjectBytes,
  headBucket,
  headObject,
  isR2Error,
  listPage,
  putObject,
} from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, children, label, requests, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'objects-bucket';
const OTHER = 'objects-other';
const signal = () => AbortSignal.timeout(120_000);

describe('Object and bucket commands', function () {
  this.timeout(180_000);
  useBuckets(BUCKET, OTHER);
  const client = adminClient();
  let bucketNode: ExplorerNode;

  before(async () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `del/key-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(
        keys.slice(i, i + 50).map((key) => putObject(client, { bucket: BUCKET, key, body: key }, signal())),
      );
    }
    await putObject(client, { bucket: BUCKET, key: 'del-sibling/keep.txt', body: 'keep' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'delx', body: 'keep' }, signal());
    await putObject(
      client,
      { bucket: BUCKET, key: 'doc.txt', body: 'doc', contentType: 'text/plain', metadata: { owner: 'ops' } },
      signal(),
    );
    await putObject(client, { bucket: BUCKET, key: 'taken.txt', body: 'taken' }, signal());
    await addServerAccount('Local R2');
    bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
  });

  it('deletes a folder of 2,500 keys after naming it and saying how many, Cancel first (Enter keeps them), and exactly those', async () => {
    const folder = await child(bucketNode, 'del/');
    const offered: string[][] = [];
    const pickDelete = (items: readonly vscode.QuickPickItem[]) => {
      offered.push(items.map((item) => item.label));
      return items.find((item) => item.label.includes('Delete'));
    };
    // Dismissed first: nothing goes.
    const kept = await runWithPrompts('r2.delete', [folder], [undefined]);
    assert.deepEqual(kept.shown, [], 'no modal whose first button (Enter) deletes');
    assert.match(
      kept.asked[0],
      /Permanently delete the folder "del\/" and the 2,500 objects in it from objects-bucket\?/,
    );
    const prompts = await runWithPrompts('r2.delete', [folder], [pickDelete]);
    assert.deepEqual(
      prompts.shown.map((shown) => shown.message),
      ['Deleted 2,500 objects from objects-bucket.'],
    );
    assert.deepEqual(offered, [['Cancel', '$(trash) Delete 2,500 objects']], 'Cancel is first, so Enter cancels');
    const remaining = await listPage(client, { bucket: BUCKET, delimiter: '' }, signal());
    assert.deepEqual(
      remaining.objects.map((o) => o.key),
      ['del-sibling/keep.txt', 'delx', 'doc.txt', 'taken.txt'],
    );
    assert.equal(
      (await children(bucketNode)).some((node) => label(node) === 'del/'),
      false,
    );
  });

  it('names a single object in its confirmation, and deletes nothing when it is dismissed', async () => {
    const prompts = await runWithPrompts('r2.delete', [await child(bucketNode, 'delx')], [], undefined);
    assert.deepEqual(
      prompts.shown.map((shown) => [shown.message, shown.items]),
      [['Permanently delete "delx" from objects-bucket? This cannot be undone.', ['Delete']]],
    );
    assert.ok(await headObject(client, { bucket: BUCKET, key: 'delx' }, signal()));
  });

  it('creates a folder as a marker object', async () => {
    await runWithPrompts('r2.newFolder', [bucketNode], ['made']);
    assert.equal((await headObject(client, { bucket: BUCKET, key: 'made/' }, signal())).size, 0);
    assert.ok((await children(bucketNode)).some((node) => label(node) === 'made/'));
  });

  it('renames with metadata kept, and refuses to overwrite unless confirmed', async () => {
    const refused = await runWithPrompts('r2.rename', [await child(bucketNode, 'doc.txt')], ['taken.txt'], undefined);
    assert.match(refused.shown[0].message, /"taken\.txt" already exists/);
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: 'taken.txt', maxBytes: 10 }, signal())).bytes.toString(),
      'taken',
    );

    await runWithPrompts('r2.rename', [await child(bucketNode, 'doc.txt')], ['made/doc.txt']);
    const moved = await headObject(client, { bucket: BUCKET, key: 'made/doc.txt' }, signal());
    assert.equal(moved.contentType, 'text/plain');
    assert.deepEqual(moved.metadata, { owner: 'ops' });
    await assert.rejects(headObject(client, { bucket: BUCKET, key: 'doc.txt' }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
  });

  it('copies an object to another bucket with its metadata', async () => {
    const doc = await child(await child(bucketNode, 'made/'), 'doc.txt');
    await runWithPrompts('r2.copyTo', [doc, [doc]], [OTHER, '$(check) Copy here']);
    const copy = await headObject(client, { bucket: OTHER, key: 'doc.txt' }, signal());
    assert.deepEqual(copy.metadata, { owner: 'ops' });
    assert.equal(copy.contentType, 'text/plain');
  });

  it("Copy to… copies a folder with every key under it, says Copy here, and never suggests the source's folder or a deleted bucket", async () => {
    const GONE = 'objects-gone';
    await createBucket(client, { bucket: GONE }, signal());
    const noHistory = (items: readonly vscode.QuickPickItem[], label: string) => {
      assert.equal(
        items.some((item) => item.label.startsWith('$(history)')),
        false,
        items.map((item) => item.label).join(' | '),
      );
      return items.find((item) => item.label === label);
    };
    const copyHere = (items: readonly vscode.QuickPickItem[]) => {
      assert.equal(
        items.some((item) => /Upload here/.test(item.label)),
        false,
      );
      return items.find((item) => item.label === '$(check) Copy here');
    };
    // A folder, into a new bucket: every key under it, under the folder's name.
    const folder = await child(bucketNode, 'del-sibling/');
    await runWithPrompts(
      'r2.copyTo',
      [folder, [folder]],
      ['$(folder-opened) Choose another destination…', GONE, copyHere],
    );
    assert.equal(
      (
        await getObjectBytes(client, { bucket: GONE, key: 'del-sibling/keep.txt', maxBytes: 10 }, signal())
      ).bytes.toString(),
      'keep',
    );
    // That bucket deleted: the last destination is not offered.
    await deletePrefix(client, { bucket: GONE, prefix: '' }, signal());
    await deleteBucket(client, GONE, signal());
    const otherDoc = await child(await child(await child(undefined, 'Local R2'), OTHER), 'doc.txt');
    await runWithPrompts('r2.copyTo', [otherDoc, [otherDoc]], [(items) => noHistory(items, BUCKET), copyHere]);
    assert.ok(await headObject(client, { bucket: BUCKET, key: 'doc.txt' }, signal()));
    // The last destination is the source's own folder: not offered either.
    const delx = await child(bucketNode, 'delx');
    await runWithPrompts('r2.copyTo', [delx, [delx]], [(items) => noHistory(items, OTHER), copyHere]);
    assert.ok(await headObject(client, { bucket: OTHER, key: 'delx' }, signal()));
  });

  it('Open Object… opens a typed key, and a folder past one page says filtering searches the loaded page only', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `many/k-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(
        keys.slice(i, i + 50).map((key) => putObject(client, { bucket: OTHER, key, body: key }, signal())),
      );
    }
    let loadMore: vscode.QuickPickItem | undefined;
    const prompts = await runWithPrompts(
      'r2.openObject',
      [],
      [
        OTHER,
        '$(folder) many/',
        (items) => {
          loadMore = items.find((item) => item.label.includes('Load more'));
          return items.find((item) => item.label === '$(go-to-file) Type a key…');
        },
        'many/k-1000',
      ],
    );
    assert.match(loadMore?.description ?? '', /filtering searches the loaded page only/);
    assert.deepEqual(prompts.shown, []);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), 'many/k-1000');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('copies the key and the s3:// URI', async () => {
    const doc = await child(await child(bucketNode, 'made/'), 'doc.txt');
    await vscode.commands.executeCommand('r2.copyKey', doc);
    assert.equal(await vscode.env.clipboard.readText(), 'made/doc.txt');
    await vscode.commands.executeCommand('r2.copyS3Uri', doc);
    assert.equal(await vscode.env.clipboard.readText(), `s3://${BUCKET}/made/doc.txt`);
  });

  it('edits Content-Type and custom metadata from Properties', async () => {
    const doc = await child(await child(bucketNode, 'made/'), 'doc.txt');
    // Edit Content-Type, then add metadata, then close the list (dismiss).
    await runWithPrompts(
      'r2.properties',
      [doc],
      ['Content-Type', 'text/markdown', '$(add) Add custom metadata…', 'Reviewed-By', 'me', undefined],
    );
    const head = await headObject(client, { bucket: BUCKET, key: 'made/doc.txt' }, signal());
    assert.equal(head.contentType, 'text/markdown');
    assert.deepEqual(head.metadata, { owner: 'ops', 'reviewed-by': 'me' });
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: 'made/doc.txt', maxBytes: 10 }, signal())).bytes.toString(),
      'doc',
    );
  });

  it('creates a bucket (names checked before any request) and deletes a non-empty one after typed confirmation', async () => {
    const account = await child(undefined, 'Local R2');
    await requests.reset();
    const invalid = await runWithPrompts('r2.createBucket', [account], ['Bad_Name']);
    assert.match(invalid.refused[0], /lower-case letters/);
    assert.deepEqual(await requests.byOperation(), {});
    await runWithPrompts('r2.createBucket', [account], ['made-bucket', 'Automatic']);
    await headBucket(client, 'made-bucket', signal());
    await putObject(client, { bucket: 'made-bucket', key: 'x', body: 'x' }, signal());
    const made = await child(account, 'made-bucket');
    const refused = await runWithPrompts('r2.deleteBucket', [made], [], 'Delete');
    assert.match(refused.shown.at(-1)?.message ?? '', /not empty/);
    await headBucket(client, 'made-bucket', signal());
    // A wrongly typed name empties nothing.
    const mistyped = await runWithPrompts('r2.deleteBucket', [made], ['made-bucke'], ['Delete', 'Empty and Delete…']);
    assert.equal(mistyped.refused[0], 'The name does not match.');
    await headBucket(client, 'made-bucket', signal());
    await runWithPrompts('r2.deleteBucket', [made], ['made-bucket'], ['Delete', 'Empty and Delete…', undefined]);
    await assert.rejects(headBucket(client, 'made-bucket', signal()), (error) => isR2Error(error, 'NoSuchBucket'));
  });
});
