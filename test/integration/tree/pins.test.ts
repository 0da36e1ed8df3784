// Pins: buckets, folders and objects pinned at the top of their account, with their path; a pin whose
// object is gone says so and offers Remove.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { deleteObject, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, api, child, children, label, useBuckets } from '../support/extension';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `pins-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

function row(node: ExplorerNode): { label: string; description: string } {
  const item = node.getTreeItem();
  return { label: label(node), description: String(item.description ?? '') };
}

describe('Pins', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let account: ExplorerNode;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'reports/2026/q3.pdf', body: 'pdf' }, signal());
    account = await addServerAccount('Pins');
  });

  it('pins a bucket, a folder and an object at the top of the account, with their paths', async () => {
    const bucket = await child(account, BUCKET);
    const reports = await child(bucket, 'reports/');
    const q3 = await child(await child(reports, '2026/'), 'q3.pdf');
    for (const node of [bucket, reports, q3]) {
      await vscode.commands.executeCommand('r2.pin', node);
    }
    // Pinning twice keeps one pin.
    await vscode.commands.executeCommand('r2.pin', q3);
    const top = (await children(account)).slice(0, 4);
    assert.deepEqual(top.slice(0, 3).map(row), [
      { label: BUCKET, description: `${BUCKET}/` },
      { label: 'reports', description: `${BUCKET}/reports/` },
      { label: 'q3.pdf', description: `${BUCKET}/reports/2026/q3.pdf` },
    ]);
    assert.equal(top[3].getTreeItem().contextValue?.startsWith('r2.bucket'), true);
  });

  it('opens a pinned object and reveals a pinned folder on click', async () => {
    const [, reports, q3] = await children(account);
    const open = q3.getTreeItem().command;
    assert.equal(open?.command, 'vscode.open');
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/reports\/2026\/q3\.pdf$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reveal = reports.getTreeItem().command;
    await vscode.commands.executeCommand(reveal?.command ?? '', ...(reveal?.arguments ?? []));
    const selected = (await api()).view.selection[0];
    const bucket = (await children(account)).find((node) => node.kind === 'bucket');
    assert.equal(selected?.id, (await child(bucket, 'reports/')).id);
  });

  it('shows a pinned object that no longer exists as such, and Remove unpins it', async () => {
    await deleteObject(client, { bucket: BUCKET, key: 'reports/2026/q3.pdf' }, signal());
    (await api()).explorer.refresh(account);
    const gone = (await children(account))[2];
    assert.deepEqual(row(gone), { label: 'q3.pdf', description: 'no longer exists' });
    assert.equal(gone.getTreeItem().contextValue, 'r2.pin.missing');
    const prompts = scriptPrompts([], 'Remove Pin');
    try {
      const command = gone.getTreeItem().command;
      await vscode.commands.executeCommand(command?.command ?? '', ...(command?.arguments ?? []));
    } finally {
      prompts.restore();
    }
    assert.match(prompts.shown[0].message, /reports\/2026\/q3\.pdf no longer exists in R2/);
    // The folder is gone too (its only object went), the bucket stays.
    const pins = (await children(account)).filter((node) => node.getTreeItem().contextValue?.startsWith('r2.pin'));
    assert.deepEqual(pins.map(row), [
      { label: BUCKET, description: `${BUCKET}/` },
      { label: 'reports', description: 'no longer exists' },
    ]);
    await vscode.commands.executeCommand('r2.unpin', pins[1]);
    await vscode.commands.executeCommand('r2.unpin', pins[0]);
    assert.equal(
      (await children(account)).filter((node) => node.getTreeItem().contextValue?.startsWith('r2.pin')).length,
      0,
    );
  });
});
