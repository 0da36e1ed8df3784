// Keys in the R2 view: a keybinding runs its command with no argument, so the command acts on the
// view's selection.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { headObject, isR2Error, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, api, child, EXTENSION_ID, useBuckets } from '../support/extension';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `keys-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);
const IN_VIEW = 'focusedView == r2Explorer && !inputFocus';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
}

/** Selects the node in the R2 view, as a click on its row does. */
async function select(node: ExplorerNode): Promise<void> {
  const { view } = await api();
  await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
  await view.reveal(node, { select: true, focus: true });
  assert.deepEqual(
    view.selection.map((each) => each.id),
    [node.id],
  );
}

async function exists(key: string): Promise<boolean> {
  try {
    await headObject(adminClient(), { bucket: BUCKET, key }, signal());
    return true;
  } catch (error) {
    if (isR2Error(error, 'NoSuchKey')) {
      return false;
    }
    throw error;
  }
}

describe('Keybindings in the R2 view', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  let bucket: ExplorerNode;

  before(async () => {
    const client = adminClient();
    for (const key of ['keys/copy-me.txt', 'keys/rename-me.txt', 'keys/delete-me.txt']) {
      await putObject(client, { bucket: BUCKET, key, body: key }, signal());
    }
    bucket = await child(await addServerAccount('Keys'), BUCKET);
  });

  it('binds Delete, F2 and Ctrl+C to the view only, where the hand expects them', () => {
    const keybindings =
      (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings?: Keybinding[] } })
        .contributes.keybindings ?? [];
    const bound = (command: string) =>
      keybindings.filter((binding) => binding.command === command).map(({ key, mac, when }) => ({ key, mac, when }));
    assert.deepEqual(bound('r2.delete'), [
      { key: 'delete', mac: undefined, when: IN_VIEW },
      { key: 'cmd+backspace', mac: undefined, when: `isMac && ${IN_VIEW}` },
    ]);
    assert.deepEqual(bound('r2.rename'), [{ key: 'f2', mac: undefined, when: IN_VIEW }]);
    assert.deepEqual(bound('r2.copyKey'), [{ key: 'ctrl+c', mac: 'cmd+c', when: IN_VIEW }]);
  });

  it('Ctrl+C copies the key of the selected object', async () => {
    const node = await child(await child(bucket, 'keys/'), 'copy-me.txt');
    await vscode.env.clipboard.writeText('before');
    await select(node);
    await vscode.commands.executeCommand('r2.copyKey');
    assert.equal(await vscode.env.clipboard.readText(), 'keys/copy-me.txt');
  });

  it('F2 renames the selected object', async () => {
    const node = await child(await child(bucket, 'keys/'), 'rename-me.txt');
    await select(node);
    const prompts = scriptPrompts(['keys/renamed.txt']);
    try {
      await vscode.commands.executeCommand('r2.rename');
    } finally {
      prompts.restore();
    }
    assert.deepEqual(prompts.asked, ['Rename or Move keys/rename-me.txt']);
    assert.equal(await exists('keys/renamed.txt'), true);
    assert.equal(await exists('keys/rename-me.txt'), false);
  });

  it('Delete deletes the selected object after the confirmation', async () => {
    const node = await child(await child(bucket, 'keys/'), 'delete-me.txt');
    await select(node);
    const prompts = scriptPrompts([], 'Delete');
    try {
      await vscode.commands.executeCommand('r2.delete');
    } finally {
      prompts.restore();
    }
    assert.match(prompts.shown[0]?.message ?? '', /Permanently delete "keys\/delete-me\.txt"/);
    assert.equal(await exists('keys/delete-me.txt'), false);
  });

  it('Delete on a selected bucket deletes nothing', async () => {
    await select(bucket);
    const prompts = scriptPrompts([], 'Delete');
    try {
      await vscode.commands.executeCommand('r2.delete');
    } finally {
      prompts.restore();
    }
    assert.equal(
      prompts.shown.some((shown) => /Permanently delete/.test(shown.message)),
      false,
      JSON.stringify(prompts.shown),
    );
    assert.equal(await exists('keys/copy-me.txt'), true);
  });
});
