// Folder sync inside VS Code, against the local server: both directions, deletion off and on,
// exclusions, a conflict during apply, Cancel midway then run again, and a saved sync run from the tree.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { bucketContents, localTree, sha256 } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'sync-bucket';
const signal = () => AbortSignal.timeout(120_000);
const ELSEWHERE = '$(folder-opened) Choose another destination…';
const HERE = '$(check) Sync with this folder';

type Item = vscode.QuickPickItem;
/** The options pick, answered with the options whose label starts so. */
const options =
  (...on: string[]) =>
  (items: readonly Item[]) =>
    items.filter((item) => on.some((start) => item.label.startsWith(start)));
/**
 * The destination picker, whichever of its prompts comes (a last destination is offered or not):
 * another destination, this bucket, its top folder.
 */
const toBucketTop = (items: readonly Item[]) =>
  items.find((item) => item.label === ELSEWHERE) ??
  items.find((item) => item.label === BUCKET) ??
  items.find((item) => item.label === HERE) ??
  options()(items);

describe('Sync', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();
  const r2 = () => vscode.workspace.getConfiguration('r2');
  const folderNode = async (prefix: string) => child(await child(await child(undefined, 'Local R2'), BUCKET), prefix);

  before(async () => {
    await addServerAccount('Local R2');
    // A folder node to sync with exists once it has a key.
    for (const key of ['up/old.txt', 'down/a.txt', 'down/sub/b.txt', 'race/.keep', 'pair/.keep']) {
      await putObject(client, { bucket: BUCKET, key, body: `body of ${key}` }, signal());
    }
  });

  afterEach(async () => {
    await r2().update('sync.exclude', undefined, vscode.ConfigurationTarget.Global);
    await r2().update('uploadConcurrency', undefined, vscode.ConfigurationTarget.Global);
  });

  it('to R2 from the Explorer: excluded files stay out, and with deletion off the extra keys stay', async () => {
    const root = await localTree({
      'index.html': '<h1>hi</h1>',
      'notes.tmp': 'scratch',
      'node_modules/x/index.js': 'module',
      '.git/HEAD': 'ref',
    });
    await r2().update(
      'sync.exclude',
      ['**/node_modules/**', '**/.git/**', '**/*.tmp'],
      vscode.ConfigurationTarget.Global,
    );
    const first = await runWithPrompts(
      'r2.syncLocalToR2',
      [vscode.Uri.file(root)],
      [toBucketTop, toBucketTop, toBucketTop, toBucketTop],
      [
        // The plan, then the summary (not remembered).
        (message) =>
          Promise.resolve(
            /1 new \(11 B\), 0 changed \(0 B\), 0 unchanged, 5 only at the target/.test(message) ? 'Apply' : undefined,
          ),
        undefined,
      ],
    );
    // The destination picker, the options, nothing else asked.
    assert.match(first.shown[0].message, /Sync to sync-bucket\/: 1 new/);
    assert.equal(first.shown.at(-1)?.message, '1 synced.');
    const contents = await bucketContents(client, BUCKET);
    assert.equal(contents['index.html'], sha256('<h1>hi</h1>'));
    assert.equal(contents['notes.tmp'], undefined);
    assert.equal(contents['node_modules/x/index.js'], undefined);
    assert.ok(contents['up/old.txt'], 'deletion off: kept');
  });

  it('to R2 from a folder node, deletion on: the count is confirmed before the extra key goes', async () => {
    const root = await localTree({ 'new.txt': 'new' });
    const prompts = await runWithPrompts(
      'r2.syncLocalToR2',
      [await folderNode('up/')],
      [[vscode.Uri.file(root)], options('Delete files')],
      ['Apply', 'Delete 1', undefined],
    );
    assert.deepEqual(
      prompts.shown.map((shown) => shown.message),
      [
        'Sync to sync-bucket/up/: 1 new (3 B), 0 changed (0 B), 0 unchanged, 1 to delete.',
        'Delete 1 file from sync-bucket/up/ that the source does not have? This cannot be undone.',
        '2 synced.',
      ],
    );
    assert.deepEqual(Object.keys(await bucketContents(client, BUCKET, 'up/')), ['up/new.txt']);
  });

  it('to local from a folder node, then only what changed; deletion on removes the extra local file', async () => {
    const target = await mkdtemp(join(tmpdir(), 'r2-sync-'));
    await writeFile(join(target, 'mine.txt'), 'only here');
    const first = await runWithPrompts(
      'r2.syncR2ToLocal',
      [await folderNode('down/')],
      [[vscode.Uri.file(target)], options()],
      ['Apply', undefined],
    );
    assert.match(
      first.shown[0].message,
      /: 2 new \(.*\), 0 changed \(0 B\), 0 unchanged, 1 only at the target \(kept\)\.$/,
    );
    assert.equal(readFileSync(join(target, 'sub', 'b.txt'), 'utf8'), 'body of down/sub/b.txt');
    assert.equal(readFileSync(join(target, 'mine.txt'), 'utf8'), 'only here');

    await putObject(client, { bucket: BUCKET, key: 'down/a.txt', body: 'a, changed in R2' }, signal());
    const second = await runWithPrompts(
      'r2.syncR2ToLocal',
      [await folderNode('down/')],
      [[vscode.Uri.file(target)], options('Delete files')],
      ['Apply', 'Delete 1', undefined],
    );
    assert.match(second.shown[0].message, /: 0 new \(0 B\), 1 changed \(16 B\), 1 unchanged, 1 to delete\.$/);
    assert.equal(readFileSync(join(target, 'a.txt'), 'utf8'), 'a, changed in R2');
    assert.equal(existsSync(join(target, 'mine.txt')), false);
  });

  it('a key written on R2 after the plan is asked about; Cancel there stops midway, and running again finishes', async () => {
    await r2().update('uploadConcurrency', 1, vscode.ConfigurationTarget.Global);
    const root = await localTree({ 'a.txt': 'mine a', 'b.txt': 'mine b', 'c.txt': 'mine c', 'd.txt': 'mine d' });
    const cancelled = await runWithPrompts(
      'r2.syncLocalToR2',
      [await folderNode('race/')],
      [[vscode.Uri.file(root)], options()],
      [
        async () => {
          // Another client, between the plan and its apply.
          await putObject(client, { bucket: BUCKET, key: 'race/b.txt', body: 'theirs b' }, signal());
          return 'Apply';
        },
        // "race/b.txt already exists": Cancel.
        undefined,
        undefined,
      ],
    );
    assert.match(cancelled.shown[1].message, /"race\/b\.txt" already exists in sync-bucket/);
    assert.equal(cancelled.shown.at(-1)?.message, '1 synced, 3 not done (cancelled).');
    const midway = await bucketContents(client, BUCKET, 'race/');
    assert.equal(midway['race/b.txt'], sha256('theirs b'));
    assert.equal(midway['race/c.txt'], undefined);

    const again = await runWithPrompts(
      'r2.syncLocalToR2',
      [await folderNode('race/')],
      [[vscode.Uri.file(root)], options()],
      ['Apply', undefined],
    );
    assert.match(again.shown[0].message, /: 2 new \(12 B\), 1 changed \(6 B\), 1 unchanged, 1 only at the target/);
    const finished = await bucketContents(client, BUCKET, 'race/');
    for (const name of ['a', 'b', 'c', 'd']) {
      assert.equal(finished[`race/${name}.txt`], sha256(`mine ${name}`));
    }
  });

  it('a remembered sync runs again from its folder in the tree, with its options, showing the one change', async () => {
    const root = await localTree({ 'page.html': 'v1', 'style.css': 'css' });
    const first = await runWithPrompts(
      'r2.syncLocalToR2',
      [await folderNode('pair/')],
      [[vscode.Uri.file(root)], options()],
      ['Apply', 'Remember This Sync'],
    );
    assert.deepEqual(first.shown.at(-1)?.items, ['Remember This Sync']);
    await writeFile(join(root, 'page.html'), 'v2, longer');
    const saved = await runWithPrompts('r2.runSavedSync', [await folderNode('pair/')], [], ['Apply', undefined]);
    assert.deepEqual(saved.asked, [], 'no picker, no options: the saved ones');
    assert.equal(
      saved.shown[0].message,
      'Sync to sync-bucket/pair/: 0 new (0 B), 1 changed (10 B), 1 unchanged, 1 only at the target (kept).',
    );
    assert.deepEqual(saved.shown.at(-1), { level: 'info', message: '1 synced.', items: [] });
    assert.equal((await bucketContents(client, BUCKET, 'pair/'))['pair/page.html'], sha256('v2, longer'));
  });
});
