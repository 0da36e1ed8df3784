// Open in Explorer: a bucket folder as a workspace folder on r2:, browsed and edited through VS Code's
// own workspace (the same file system as editors opened from the R2 view), at a bounded listing cost.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getObjectBytes, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, requests, useBuckets } from '../support/extension';
import { putNumberedKeys } from '../support/files';
import type { PromptLog } from '../support/prompts';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `explorer-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(120_000);

async function folderAdded(): Promise<vscode.WorkspaceFolder> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders(({ added }) => {
      subscription.dispose();
      resolve(added[0]);
    });
  });
}

describe('Open in Explorer', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let site: ExplorerNode;
  let folder: vscode.WorkspaceFolder;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'site/index.html', body: '<h1>v1</h1>\n' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'site/css/app.css', body: 'body{}' }, signal());
    await putNumberedKeys(client, BUCKET, { prefix: 'big/', count: 2500 });
    site = await child(await child(await addServerAccount('Explorer'), BUCKET), 'site/');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const index = vscode.workspace.workspaceFolders?.findIndex((each) => each.uri.scheme === 'r2') ?? -1;
    if (index >= 0) {
      vscode.workspace.updateWorkspaceFolders(index, 1);
    }
  });

  it('adds the folder to the workspace, named after bucket, folder and account, listing one level', async () => {
    const added = folderAdded();
    const prompts = scriptPrompts(['Add to Workspace']);
    try {
      await vscode.commands.executeCommand('r2.openInExplorer', site);
    } finally {
      prompts.restore();
    }
    folder = await added;
    assert.equal(folder.uri.scheme, 'r2');
    assert.equal(folder.name, `${BUCKET}/site/ (R2 Explorer)`);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(folder.uri)).sort(), [
      ['css', vscode.FileType.Directory],
      ['index.html', vscode.FileType.File],
    ]);
    // VS Code's own file search and document model reach the objects through the workspace folder.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'index.html'));
    assert.equal(document.getText(), '<h1>v1</h1>\n');
  });

  it('saves an edit back, and refuses to save over a change made by someone else', async () => {
    const uri = vscode.Uri.joinPath(folder.uri, 'index.html');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 1, 0), '<h1>v2</h1>\n')));
    assert.equal(await editor.document.save(), true);
    const read = async () =>
      (
        await getObjectBytes(client, { bucket: BUCKET, key: 'site/index.html', maxBytes: 100 }, signal())
      ).bytes.toString();
    assert.equal(await read(), '<h1>v2</h1>\n');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '<!-- mine -->')));
    await putObject(client, { bucket: BUCKET, key: 'site/index.html', body: '<h1>theirs</h1>\n' }, signal());
    // VS Code's "file is newer" flow answers this save: nothing is written over their version.
    const prompts: PromptLog = scriptPrompts([], undefined);
    try {
      assert.equal(await editor.document.save(), false);
    } finally {
      prompts.restore();
    }
    assert.equal(await read(), '<h1>theirs</h1>\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lists a large folder up to r2.explorer.maxPages and says so once', async () => {
    const big = vscode.Uri.joinPath(folder.uri, '..', 'big');
    const settings = vscode.workspace.getConfiguration('r2');
    await settings.update('explorer.maxPages', 1, vscode.ConfigurationTarget.Global);
    await requests.reset();
    const prompts = scriptPrompts([], undefined);
    try {
      assert.equal((await vscode.workspace.fs.readDirectory(big)).length, 1000);
      assert.equal((await vscode.workspace.fs.readDirectory(big)).length, 1000);
    } finally {
      prompts.restore();
      await settings.update('explorer.maxPages', undefined, vscode.ConfigurationTarget.Global);
    }
    // Each listing: one page of the three, and at most one more for VS Code's stat of the folder
    // (a list of one key, unless the provider still knows the folder).
    assert.ok(((await requests.byOperation()).ListObjectsV2 ?? 0) <= 4);
    const told = prompts.shown.filter((message) => message.message.includes('shows the first 1,000 entries'));
    assert.equal(told.length, 1);
    assert.match(told[0].message, new RegExp(`of ${BUCKET}/big:.*Find Keys…`));
  });
});
