import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { toR2Uri } from '../../../src/fs/r2Uri';
import { deleteObject, getObjectBytes, headObject, isR2Error, putObject } from '../../../src/r2';
import type { BucketNode } from '../../../src/tree/bucketNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';

const BUCKET = `deleted-open-${Date.now().toString(36)}`;
const KEY = 'lonely/notes.txt';
const signal = () => AbortSignal.timeout(60_000);

describe('Saving an object deleted on R2 since it was opened', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: KEY, body: 'first\n' }, signal());
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  it('fails the first save with the reason (VS Code offers Retry, Save As…, Revert), recreates on the next, and writes no folder marker', async () => {
    const bucket = (await child(await addServerAccount('Deleted while open'), BUCKET)) as BucketNode;
    const uri = toR2Uri({ accountId: bucket.account.id, bucket: BUCKET, key: KEY });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'mine: ')));
    await deleteObject(client, { bucket: BUCKET, key: KEY }, signal());

    assert.equal(await editor.document.save(), false, 'the first save is refused');
    await assert.rejects(headObject(client, { bucket: BUCKET, key: KEY }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );

    assert.equal(await editor.document.save(), true, 'saving again recreates it');
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: KEY, maxBytes: 100 }, signal())).bytes.toString(),
      'mine: first\n',
    );
    await assert.rejects(
      headObject(client, { bucket: BUCKET, key: 'lonely/' }, signal()),
      (error) => isR2Error(error, 'NoSuchKey'),
      'no folder marker',
    );
  });
});
