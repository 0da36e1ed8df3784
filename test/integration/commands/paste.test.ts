// Copy, Cut and Paste inside the R2 view, Paste of local files, and rows dragged onto a folder.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import { ExplorerDragAndDrop } from '../../../src/tree/dragAndDrop';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { bucketContents, localTree, sha256 } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = `paste-${Date.now().toString(36)}`;
const OTHER_BUCKET = `${BUCKET}-other`;
const signal = () => AbortSignal.timeout(60_000);

describe('Copy, Cut and Paste', function () {
  this.timeout(120_000);
  useBuckets(BUCKET, OTHER_BUCKET);
  const client = adminClient();
  let bucket: ExplorerNode;
  const contents = () => bucketContents(client, BUCKET);
  const folder = async (path: string) => {
    let node = bucket;
    for (const segment of path.split('/').filter(Boolean)) {
      node = await child(node, `${segment}/`);
    }
    return node;
  };

  before(async () => {
    for (const key of ['src/a.txt', 'src/deep/b.txt', 'dst/.keep', 'other/c.txt', 'away/d.txt', 'away/e/f.txt']) {
      await putObject(client, { bucket: BUCKET, key, body: key }, signal());
    }
    bucket = await child(await addServerAccount('Paste'), BUCKET);
  });

  it('Copy Key then Paste on a folder copies the object there, leaving the original', async () => {
    const a = await child(await folder('src'), 'a.txt');
    await runWithPrompts('r2.copyKey', [a]);
    assert.equal(await vscode.env.clipboard.readText(), 'src/a.txt');
    await runWithPrompts('r2.paste', [await folder('dst')]);
    const keys = Object.keys(await contents());
    assert.ok(keys.includes('src/a.txt') && keys.includes('dst/a.txt'), keys.join(', '));
  });

  it('Cut then Paste moves a folder with everything under it, once', async () => {
    await runWithPrompts('r2.cut', [await folder('src/deep')]);
    await runWithPrompts('r2.paste', [await folder('dst')]);
    const now = await contents();
    assert.equal(now['dst/deep/b.txt'], sha256('src/deep/b.txt'));
    assert.equal(now['src/deep/b.txt'], undefined);
    // A cut is pasted once: pasting again finds nothing of the view's to paste.
    const again = await runWithPrompts('r2.paste', [await folder('other')]);
    assert.match(again.shown[0]?.message ?? '', /Nothing to paste here/);
  });

  it('Paste uploads local files whose paths the clipboard holds', async () => {
    const root = await localTree({ 'one.txt': 'one', 'two.txt': 'two' });
    await vscode.env.clipboard.writeText(
      `${join(root, 'one.txt')}\n${vscode.Uri.file(join(root, 'two.txt')).toString()}`,
    );
    await runWithPrompts('r2.paste', [await folder('other')]);
    const now = await contents();
    assert.deepEqual([now['other/one.txt'], now['other/two.txt']], [sha256('one'), sha256('two')]);
  });

  it('Paste names the files it uploads by r2.upload.nameTemplate', async () => {
    const root = await localTree({ 'three.txt': 'three' });
    await vscode.env.clipboard.writeText(join(root, 'three.txt'));
    const settings = vscode.workspace.getConfiguration('r2');
    await settings.update('upload.nameTemplate', 'renamed-${fileName}', vscode.ConfigurationTarget.Global);
    try {
      await runWithPrompts('r2.paste', [await folder('other')]);
    } finally {
      await settings.update('upload.nameTemplate', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await contents())['other/renamed-three.txt'], sha256('three'));
  });

  it('rows dragged onto a folder of the same bucket move there after one confirmation', async () => {
    const c = await child(await folder('other'), 'c.txt');
    const prompts = await runWithPrompts('r2.moveInto', [await folder('dst'), [c]], [], 'Move');
    assert.match(prompts.shown[0].message, new RegExp(`Move this item into ${BUCKET}/dst/\\?`));
    const now = await contents();
    assert.deepEqual([now['dst/c.txt'], now['other/c.txt']], [sha256('other/c.txt'), undefined]);
    // The view's drop handler hands dragged rows to that command.
    const b = await child(await folder('dst/deep'), 'b.txt');
    const dropped = new vscode.DataTransfer();
    dropped.set('application/vnd.code.tree.r2explorer', new vscode.DataTransferItem([b]));
    const window = vscode.window as { showWarningMessage: typeof vscode.window.showWarningMessage };
    const original = window.showWarningMessage;
    window.showWarningMessage = (async () => 'Move') as typeof vscode.window.showWarningMessage;
    try {
      await new ExplorerDragAndDrop().handleDrop(await folder('other'), dropped);
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal((await contents())['other/b.txt'], sha256('src/deep/b.txt'));
  });

  it('Cut then Paste, and a drag, move rows into another bucket: copied there, then the sources deleted', async () => {
    const other = await child(bucket.getParent()!, OTHER_BUCKET);
    const away = await folder('away');
    const rows = [await child(away, 'd.txt'), await child(away, 'e/')];
    // As VS Code calls a view command on a selection: the row clicked, then every row selected.
    await runWithPrompts('r2.cut', [rows[0], rows]);
    const pasted = await runWithPrompts('r2.paste', [other]);
    const left = await contents();
    assert.deepEqual([left['away/d.txt'], left['away/e/f.txt']], [undefined, undefined]);
    assert.deepEqual(await bucketContents(client, OTHER_BUCKET), {
      'd.txt': sha256('away/d.txt'),
      'e/f.txt': sha256('away/e/f.txt'),
    });
    assert.match(pasted.shown.at(-1)?.message ?? '', /^2 moved\.$/);

    const a = await child(await folder('src'), 'a.txt');
    const dragged = await runWithPrompts('r2.moveInto', [other, [a]], [], 'Move');
    assert.match(dragged.shown[0].message, new RegExp(`Move this item into ${OTHER_BUCKET}/\\?`));
    assert.equal((await contents())['src/a.txt'], undefined);
    assert.equal((await bucketContents(client, OTHER_BUCKET))['a.txt'], sha256('src/a.txt'));
  });
});
