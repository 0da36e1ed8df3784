// Edit Account as the user meets it: from a row whose credentials stopped working, from a
// notification (which names the account by id), and through its walk-through.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { TreeItem } from 'vscode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, api, child, children, faults, label, removeAllAccounts, server } from '../support/extension';
import { menuCommands } from '../support/menus';
import { runWithPrompts, scriptPrompts } from '../support/prompts';
import { click, isVisible, requireWorkbench, screenshot } from '../support/workbench';

/** The walk-through's answers for the local server: endpoint, key ID, secret, name. */
function answers(name: string, secret = server.admin.secretAccessKey, accessKeyId = server.admin.accessKeyId) {
  return [server.endpoint, accessKeyId, secret, name];
}

/** The account's stored access key ID, as its row's tooltip shows it. */
function accessKeyOf(node: ExplorerNode): string {
  return /Access key (\S+)/.exec(String(node.getTreeItem().tooltip))?.[1] ?? '';
}

/** The labels of the node's error rows. */
async function errorRows(node: ExplorerNode): Promise<string[]> {
  return (await children(node)).filter((row) => row.getTreeItem().contextValue?.startsWith('r2.error')).map(label);
}

describe('Edit Account', () => {
  afterEach(removeAllAccounts);

  it("a revoked key's row says the credentials stopped working and edits that account, inline or on click", async () => {
    await addServerAccount('Other');
    await addServerAccount('Revoked', server.revocableForAccounts);
    await faults.revoke(server.revocableForAccounts.accessKeyId);
    const [row] = await children(await child(undefined, 'Revoked'));
    const item: TreeItem = row.getTreeItem();
    // Short enough for the side bar's default width; the server's reason in the tooltip.
    assert.equal(item.label, 'Credentials stopped working');
    assert.match(String(item.tooltip), /access key ID or secret access key is not valid/);
    assert.ok(menuCommands(row, 'inline').includes('r2.editAccount'), item.contextValue);
    // Clicking the row edits "Revoked": no picker of the two accounts first.
    const clicked = await runWithPrompts(item.command!.command, item.command!.arguments ?? [], answers('Revoked'));
    assert.deepEqual(clicked.asked[0], 'Edit Revoked (1/4)');
    assert.equal(accessKeyOf(await child(undefined, 'Revoked')), server.admin.accessKeyId);
    assert.equal(accessKeyOf(await child(undefined, 'Other')), server.admin.accessKeyId);
    assert.deepEqual(await errorRows(await child(undefined, 'Revoked')), []);
  });

  it('a click on that row in the view opens Edit Account for its account', async function () {
    requireWorkbench(this);
    await addServerAccount('Other');
    const account = await addServerAccount('Clicked', server.revocableForClick);
    await faults.revoke(server.revocableForClick.accessKeyId);
    const [row] = await children(account);
    const { view } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
    await view.reveal(row);
    const selector = '.part.sidebar .monaco-list-row:has-text("Credentials stopped working")';
    assert.equal(await isVisible({ selector }), true);
    await screenshot('credentials-row');
    // The command runs in the extension host once the click reaches it: done when it confirms.
    let confirmed: (message: string) => void = () => undefined;
    const done = new Promise<string>((resolve) => (confirmed = resolve));
    const prompts = scriptPrompts(answers('Clicked'), async (message) => {
      confirmed(message);
      return undefined;
    });
    try {
      await click(selector);
      assert.equal(await done, 'Updated R2 account "Clicked".');
    } finally {
      prompts.restore();
    }
    assert.equal(prompts.asked[0], 'Edit Clicked (1/4)');
    assert.equal(accessKeyOf(await child(undefined, 'Clicked')), server.admin.accessKeyId);
  });

  it('from the inline action (the row itself) and from a notification (an account id), edits that account', async () => {
    await addServerAccount('First');
    const second = await addServerAccount('Second');
    const inline = await runWithPrompts('r2.editAccount', [second], answers('Second inline'));
    assert.equal(inline.asked[0], 'Edit Second (1/4)');
    const accountId = second.id.replace(/^account:/, '');
    const notified = await runWithPrompts('r2.editAccount', [accountId], answers('Second notified'));
    assert.equal(notified.asked[0], 'Edit Second inline (1/4)');
    assert.deepEqual((await children()).map(label).sort(), ['First', 'Second notified']);
  });

  it('keeps the stored secret when it is left empty, says so in the box, and confirms the edit', async () => {
    const node = await addServerAccount('Keep');
    const prompts = await runWithPrompts('r2.editAccount', [node], answers('Kept', ''));
    assert.deepEqual(prompts.refused, []);
    assert.match(prompts.asked[2], /Edit Keep \(3\/4\)/);
    assert.deepEqual(
      prompts.shown.map((shown) => shown.message),
      ['Updated R2 account "Kept".'],
    );
    // The kept secret still signs: the account lists its buckets.
    assert.deepEqual(await errorRows(await child(undefined, 'Kept')), []);
  });

  it('asks for the secret again when the access key ID changed, saying why', async () => {
    const node = await addServerAccount('Rekey');
    const prompts = await runWithPrompts('r2.editAccount', [node], answers('Rekey', '', server.revocable.accessKeyId));
    assert.deepEqual(prompts.refused, ['A new access key ID needs its own secret access key.']);
    assert.equal(accessKeyOf(await child(undefined, 'Rekey')), server.admin.accessKeyId);
  });

  it('numbers the steps of Add and Edit 1/4, 2/4, 3/4, 4/4', async () => {
    const added = await runWithPrompts('r2.addAccount', [], answers('Steps'));
    assert.deepEqual(
      added.asked,
      [1, 2, 3, 4].map((step) => `Add R2 Account (${step}/4)`),
    );
    const edited = await runWithPrompts('r2.editAccount', [await child(undefined, 'Steps')], answers('Steps', ''));
    assert.deepEqual(
      edited.asked,
      [1, 2, 3, 4].map((step) => `Edit Steps (${step}/4)`),
    );
  });
});
