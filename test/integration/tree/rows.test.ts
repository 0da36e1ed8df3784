// How rows look at the side bar's default width: folders as folders, descriptions that fit.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, api, child, useBuckets } from '../support/extension';
import { isVisible, screenshot } from '../support/workbench';

const BUCKET = `rows-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

/** The label as the row shows it. */
function shownLabel(node: ExplorerNode): string {
  const value = node.getTreeItem().label;
  return typeof value === 'string' ? value : (value?.label ?? '');
}

async function eventually(check: () => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Tree rows', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  let bucket: ExplorerNode;

  before(async () => {
    const client = adminClient();
    await putObject(client, { bucket: BUCKET, key: 'docs/guide.md', body: 'x'.repeat(95) }, signal());
    await putObject(
      client,
      { bucket: BUCKET, key: 'docs/large.bin', body: Buffer.alloc(1023 * 1024 + 1000) },
      signal(),
    );
    bucket = await child(await addServerAccount('Rows'), BUCKET);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('iconTheme', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows a folder by its name alone, with a folder icon, and its key in the tooltip', async () => {
    const folder = await child(bucket, 'docs/');
    const item = folder.getTreeItem();
    assert.equal(shownLabel(folder), 'docs');
    assert.equal((item.iconPath as vscode.ThemeIcon | undefined)?.id, vscode.ThemeIcon.Folder.id);
    assert.match(String(item.tooltip), /docs\//);
    // The default file icon theme (Seti) has no folder icons: the row carries no resource, so the
    // view draws the codicon instead of the theme's (missing) folder icon.
    assert.equal(item.resourceUri, undefined, 'no resourceUri under an icon theme without folder icons');
    if (process.env.R2_TEST_UI_PROBE) {
      const { view } = await api();
      await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
      await view.reveal(folder, { select: false, focus: false });
      assert.equal(
        await isVisible({ selector: '.part.sidebar .monaco-list-row:has-text("docs") .codicon-folder' }),
        true,
        'the folder row shows a folder icon',
      );
      await screenshot('tree-rows');
    }
  });

  it("uses the icon theme's own folder icons when it has them, for a folder-like resource", async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('iconTheme', 'vs-minimal', vscode.ConfigurationTarget.Global);
    const folder = await child(bucket, 'docs/');
    await eventually(() => assert.ok(folder.getTreeItem().resourceUri, 'a theme with folder icons gets the resource'));
    const item = folder.getTreeItem();
    assert.equal((item.iconPath as vscode.ThemeIcon | undefined)?.id, vscode.ThemeIcon.Folder.id);
    assert.equal(item.resourceUri?.path.endsWith('/docs'), true, item.resourceUri?.toString());
    await vscode.workspace
      .getConfiguration('workbench')
      .update('iconTheme', undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => assert.equal(folder.getTreeItem().resourceUri, undefined));
  });

  it('keeps object descriptions short enough for the default side bar width', async () => {
    const folder = await child(bucket, 'docs/');
    for (const name of ['guide.md', 'large.bin']) {
      const description = String((await child(folder, name)).getTreeItem().description);
      assert.ok(description.length <= 20, `"${description}" is ${description.length} characters`);
      assert.match(description, /^\d+(\.\d)? (B|KiB|MiB|GiB|TiB) · (now|\d+m|\d+h|\d+d|\d{4}-\d{2}-\d{2})$/);
    }
    assert.equal((await child(folder, 'guide.md')).getTreeItem().description, '95 B · now');
  });
});
