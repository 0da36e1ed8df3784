import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import type { ObjectNode } from '../../../src/tree/objectNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `compare-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

describe('Compare objects', function () {
  this.timeout(60_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let one: ObjectNode;
  let two: ObjectNode;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'cfg/one.json', body: '{ "a": 1 }\n' }, signal());
    await putObject(client, { bucket: BUCKET, key: 'cfg/two.json', body: '{ "a": 2 }\n' }, signal());
    const folder = await child(await child(await addServerAccount('Compare'), BUCKET), 'cfg/');
    one = (await child(folder, 'one.json')) as ObjectNode;
    two = (await child(folder, 'two.json')) as ObjectNode;
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('compares two objects selected in the view', async () => {
    await vscode.commands.executeCommand('r2.compareWith', one, [one, two]);
    const diff = activeDiff();
    assert.ok(diff, 'a diff editor is active');
    assert.equal(diff.original.toString(), one.uri.toString());
    assert.equal(diff.modified.toString(), two.uri.toString());
  });

  it('compares an object with a local file', async () => {
    const file = vscode.Uri.file(join(await localTree({ 'one.json': '{ "a": 3 }\n' }), 'one.json'));
    const prompts = scriptPrompts(['$(file) Local File…', [file]]);
    try {
      await vscode.commands.executeCommand('r2.compareWith', one);
    } finally {
      prompts.restore();
    }
    const diff = activeDiff();
    assert.ok(diff, 'a diff editor is active');
    assert.equal(diff.original.toString(), one.uri.toString());
    assert.equal(diff.modified.toString(), file.toString());
  });

  it('compares an object with another one browsed from its folder', async () => {
    const prompts = scriptPrompts(['$(cloud) Another R2 Object…', '$(file) two.json']);
    try {
      await vscode.commands.executeCommand('r2.compareWith', one);
    } finally {
      prompts.restore();
    }
    assert.equal(activeDiff()?.modified.toString(), two.uri.toString());
  });
});
