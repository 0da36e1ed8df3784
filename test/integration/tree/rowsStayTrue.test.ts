// Rows stay true without Refresh: the extension's own writes redraw the rows they touch, and
// relative ages move on while the view is open.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { toR2Uri } from '../../../src/fs/r2Uri';
import { putObject } from '../../../src/r2';
import type { AccountNode } from '../../../src/tree/accountNode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import type { ListingNode } from '../../../src/tree/listingNode';
import { addServerAccount, adminClient, api, child, requests, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import { scriptPrompts } from '../support/prompts';
import { isVisible, requireWorkbench } from '../support/workbench';

const BUCKET = 'rows-stay-true';
const signal = () => AbortSignal.timeout(60_000);

describe('Rows that stay true', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  let account: AccountNode;

  before(async () => {
    const client = adminClient();
    await putObject(client, { bucket: BUCKET, key: 'notes/saved.txt', body: 'hello' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'notes/uploaded.txt', body: 'hello' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'notes/aged.txt', body: 'hello' }, signal());
    account = (await addServerAccount('Rows stay true')) as AccountNode;
    await child(await child(await child(account, BUCKET), 'notes/'), 'saved.txt');
  });

  /**
   * The description of a row in notes/ from the nodes the view holds: a level the extension has not
   * listed anew still shows what it loaded before.
   */
  async function description(name: string): Promise<string> {
    const bucket = account.loadedBucket(BUCKET) as ListingNode;
    const notes = (bucket.loadedChild('notes/') ?? (await child(bucket, 'notes/'))) as ListingNode;
    return String((await child(notes, name)).getTreeItem().description);
  }

  it('a save from an editor shows the new size without Refresh', async () => {
    assert.match(await description('saved.txt'), /^5 B · /);
    const uri = toR2Uri({ accountId: account.account.id, bucket: BUCKET, key: 'notes/saved.txt' });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(document.positionAt(5), ', world'));
    assert.equal(await document.save(), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.match(await description('saved.txt'), /^12 B · /);
  });

  it('an upload over an object shows the new size without Refresh', async () => {
    assert.match(await description('uploaded.txt'), /^5 B · /);
    const root = await localTree({ 'uploaded.txt': 'a longer body' });
    const notes = (account.loadedBucket(BUCKET) as ListingNode).loadedChild('notes/') as ExplorerNode;
    const prompts = scriptPrompts([], 'Overwrite');
    try {
      await vscode.commands.executeCommand('r2.upload', notes, [vscode.Uri.file(join(root, 'uploaded.txt'))]);
    } finally {
      prompts.restore();
    }
    assert.match(await description('uploaded.txt'), /^13 B · /);
  });

  it("a rename through the r2: file system (VS Code's Explorer) shows the new name, not the old", async () => {
    await description('uploaded.txt');
    const uri = (key: string) => toR2Uri({ accountId: account.account.id, bucket: BUCKET, key });
    await vscode.workspace.fs.rename(uri('notes/uploaded.txt'), uri('notes/renamed.txt'));
    assert.match(await description('renamed.txt'), /^13 B · /);
    await assert.rejects(description('uploaded.txt'), /no child "uploaded.txt"/);
  });

  it('ages move on while the view is open, without listing again', async function () {
    requireWorkbench(this);
    const { view, explorer, viewState } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
    const bucket = account.loadedBucket(BUCKET) as ListingNode;
    const aged = await child((await child(bucket, 'notes/')) as ListingNode, 'aged.txt');
    await view.reveal(aged, { select: false, focus: false });
    const agedRow = (age: string) => `.part.sidebar .monaco-list-row:has-text("aged.txt"):has-text("5 B · ${age}")`;
    assert.equal(await isVisible({ selector: agedRow('now') }), true);
    const realNow = viewState.now;
    viewState.now = () => new Date(Date.now() + 5 * 60_000);
    await requests.reset();
    try {
      // What the view's slow timer runs, once a minute while the view is visible.
      explorer.redrawAges();
      assert.equal(await isVisible({ selector: agedRow('5m') }), true, 'the row says 5m');
      assert.deepEqual(await requests.byOperation(), {}, 'nothing listed again');
    } finally {
      viewState.now = realNow;
    }
  });
});
