import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { createBucket, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { isObjectNode } from '../../../src/tree/nodeKinds';
import {
  addServerAccount,
  adminClient,
  api,
  child,
  children,
  faults,
  label,
  removeAllAccounts,
  requests,
  server,
  useBuckets,
} from '../support/extension';
import { scriptPrompts, watchInputBoxes } from '../support/prompts';
import { isVisible, requireWorkbench, screenshot } from '../support/workbench';

const BUCKET = 'tree-bucket';
const WEIRD_KEYS = [
  'with space.txt',
  'plus+sign.txt',
  'percent%20.txt',
  'hash#.txt',
  'question?.txt',
  'ünïcødé 名前.txt',
  ' leading-space.txt',
];
const signal = () => AbortSignal.timeout(120_000);

async function runItemCommand(node: ExplorerNode): Promise<void> {
  const command = node.getTreeItem().command;
  assert.ok(command, `${label(node)} has a command`);
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

describe('Explorer tree', function () {
  this.timeout(180_000);
  useBuckets(BUCKET, 'other-bucket');
  const client = adminClient();
  let bucket: ExplorerNode;

  before(async () => {
    const puts: Array<Promise<unknown>> = [];
    const put = (key: string, body = key) => puts.push(putObject(client, { bucket: BUCKET, key, body }, signal()));
    for (let i = 0; i < 2500; i++) {
      put(`big/key-${String(i).padStart(5, '0')}.txt`);
      if (puts.length >= 50) {
        await Promise.all(puts.splice(0));
      }
    }
    WEIRD_KEYS.forEach((key) => put(`weird/${key}`));
    put('weird/double//slash.txt');
    put('marker/', '');
    put('marker/inside.txt');
    put('readme.md', '# hello');
    put('assets/logo.svg', '<svg/>');
    await Promise.all(puts);
    const account = await addServerAccount('Local R2');
    bucket = await child(account, BUCKET);
  });

  it('lists buckets, then folders first and objects of one level', async () => {
    const account = (await children())[0];
    assert.deepEqual((await children(account)).map(label), ['other-bucket', BUCKET]);
    assert.deepEqual((await children(bucket)).map(label), ['assets/', 'big/', 'marker/', 'weird/', 'readme.md']);
    const readme = await child(bucket, 'readme.md');
    assert.match(String(readme.getTreeItem().description), /^7 B · now$/);
  });

  it('shows a folder of 2,500 keys one page per expand: 1,000, then 2,000, then 2,500 and no more', async () => {
    await requests.reset();
    const big = await child(bucket, 'big/');
    let level = await children(big);
    assert.equal(level.length, 1001);
    assert.equal(label(level[1000]), 'Load more…');
    await runItemCommand(level[1000]);
    level = await children(big);
    assert.equal(level.length, 2001);
    await runItemCommand(level[2000]);
    level = await children(big);
    assert.equal(level.length, 2500);
    assert.equal(label(level[2499]), 'key-02499.txt');
    // Exactly one ListObjectsV2 per page, nothing else.
    assert.deepEqual(await requests.byOperation(), { ListObjectsV2: 3 });
  });

  it('adds a page once when "Load more…" is run twice before the page comes', async () => {
    const big = await child(bucket, 'big/');
    (await api()).explorer.refresh(big);
    const first = await children(big);
    assert.equal(first.length, 1001);
    // Both start from the same first page and ask for the same second one.
    await Promise.all([runItemCommand(first[1000]), runItemCommand(first[1000])]);
    const level = await children(big);
    assert.equal(level.length, 2001);
    assert.equal(new Set(level.map((node) => node.id)).size, 2001, 'every row once');
    assert.equal(label(level[1999]), 'key-01999.txt');
    // The last page, as the tests after this one find the folder.
    await runItemCommand(level[2000]);
    assert.equal((await children(big)).length, 2500);
  });

  it('keeps in each row of a large folder only what it shows and what commands read', async () => {
    // Thousands of rows stay in memory so that reveal() finds them: no copy of the listing's object,
    // no Date, no closure per row (the extension host grew by ~1 kB per row with them).
    const big = await child(bucket, 'big/');
    const rows = (await children(big)).filter(isObjectNode);
    assert.equal(rows.length, 2500);
    const row = rows[0];
    const held = Object.entries(row).filter(([, value]) => typeof value === 'object' || typeof value === 'function');
    assert.deepEqual(held.map(([name]) => name).sort(), ['parent', 'uri']);
    // Each field is 8 bytes of each of the thousands of rows: kind and id come from the class and the URI.
    assert.deepEqual(Object.keys(row).sort(), [
      'etag',
      'key',
      'lastModifiedMs',
      'parent',
      'shownAge',
      'size',
      'storageClass',
      'uri',
    ]);
    assert.equal(row.kind, 'object');
    assert.equal(row.id, row.getTreeItem().id);
    assert.equal(row.getParent(), big);
    // What commands read is still there, built when asked.
    const object = row.object;
    assert.deepEqual(
      { key: object.key, size: object.size, storageClass: object.storageClass },
      { key: 'big/key-00000.txt', size: 'big/key-00000.txt'.length, storageClass: 'STANDARD' },
    );
    assert.ok(Date.now() - object.lastModified.getTime() < 10 * 60_000, 'written minutes ago at most');
    assert.match(object.etag, /^[0-9a-f]{32}$/);
    assert.equal(row.account.name, 'Local R2');
    assert.equal(row.bucket, BUCKET);
  });

  it('displays odd keys exactly as stored, and a folder marker as the folder', async () => {
    const weird = await child(bucket, 'weird/');
    const labels = (await children(weird)).map(label);
    assert.deepEqual(new Set(labels), new Set(['double/', ...WEIRD_KEYS]));
    // `double//slash.txt`: the empty segment between the slashes is a folder of its own, shown as "/".
    const double = await child(weird, 'double/');
    assert.deepEqual((await children(double)).map(label), ['/']);
    assert.deepEqual((await children(await child(double, '/'))).map(label), ['slash.txt']);
    assert.deepEqual((await children(await child(bucket, 'marker/'))).map(label), ['inside.txt']);
  });

  it('turns a failed listing into an error node whose Retry works', async () => {
    const assets = await child(bucket, 'assets/');
    // One more failure than the client's attempts, so the listing fails for good.
    await faults.inject({ type: 'error', operation: 'ListObjectsV2', status: 500, times: 4 });
    (await api()).explorer.refresh(assets);
    const failed = await children(assets);
    assert.equal(failed.length, 1);
    assert.match(label(failed[0]), /server failed/i);
    assert.equal(failed[0].getTreeItem().contextValue, 'r2.error');
    await faults.clear();
    await runItemCommand(failed[0]);
    assert.deepEqual((await children(assets)).map(label), ['logo.svg']);
  });

  it('filters a folder by a server-side prefix, and clears it', async () => {
    const big = await child(bucket, 'big/');
    const prompts = scriptPrompts(['key-0249']);
    try {
      await vscode.commands.executeCommand('r2.filter', big);
    } finally {
      prompts.restore();
    }
    assert.equal(big.getTreeItem().description, 'filter: key-0249*');
    assert.equal((await children(big)).length, 10);
    await vscode.commands.executeCommand('r2.clearFilter', big);
    assert.equal((await children(big)).length, 1001);
  });

  it('keeps expanded folders expanded across a refresh', async function () {
    requireWorkbench(this);
    const { view } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
    const assets = await child(bucket, 'assets/');
    await view.reveal(assets, { expand: true, select: false });
    await view.reveal(await child(bucket, 'weird/'), { expand: true, select: false });
    const expanded = '.part.sidebar .monaco-list-row[aria-expanded="true"]:has-text("assets")';
    assert.equal(await isVisible({ selector: expanded }), true);
    await screenshot('tree');
    await vscode.commands.executeCommand('r2.refresh');
    assert.equal(await isVisible({ selector: '.part.sidebar .monaco-list-row:has-text("logo.svg")' }), true);
    assert.equal(await isVisible({ selector: expanded }), true);
  });

  it('Go to Key keeps the box open with the reason for a missing key, then reveals one past the first page, leaving no filter', async function () {
    requireWorkbench(this);
    const boxes = watchInputBoxes();
    try {
      const going = vscode.commands.executeCommand('r2.goToKey', bucket);
      const box = await boxes.next();
      await boxes.enter(box, 'big/key-99999.txt');
      const reason = 'There is no object or folder "big/key-99999.txt" in bucket "tree-bucket".';
      assert.equal(
        await isVisible({ selector: `.quick-input-widget:has-text('${reason}')` }),
        true,
        'shown under the box',
      );
      assert.equal(box.validationMessage, reason);
      await boxes.enter(box, 'big/key-02222.txt');
      await going;
    } finally {
      boxes.restore();
    }
    const { view } = await api();
    assert.equal(view.selection.map(label).join(), 'key-02222.txt');
    // The folder as the view holds it: its first page, the key revealed after it, then Load more.
    const big = view.selection[0].getParent() as ExplorerNode;
    assert.equal(big.getTreeItem().description, undefined, 'no filter left on big/');
    const shown = (await children(big)).map(label);
    assert.deepEqual(shown.slice(999), ['key-00999.txt', 'key-02222.txt', 'Load more…']);
  });
});

describe('Bucket-scoped tokens', () => {
  after(removeAllAccounts);

  it('say the token cannot list buckets, and work after Add Bucket by Name', async () => {
    await createBucket(adminClient(), { bucket: server.scoped.bucket }, signal());
    const account = await addServerAccount('Scoped', server.scoped);
    const before = await children(account);
    assert.equal(before.length, 1);
    assert.match(label(before[0]), /cannot list buckets/);
    const prompts = scriptPrompts([server.scoped.bucket]);
    try {
      await runItemCommand(before[0]);
    } finally {
      prompts.restore();
    }
    const after = await children(await child(undefined, 'Scoped'));
    assert.deepEqual(after.map(label).slice(1), [server.scoped.bucket]);
    assert.deepEqual((await children(after[1])).map(label), ['No objects']);
  });
});
