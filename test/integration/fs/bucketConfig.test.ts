import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getBucketCors, getBucketLifecycle, putBucketCors } from '../../../src/r2';
import type { CorsRule } from '../../../src/r2';
import { parseLifecycleRules } from '../../../src/fs/bucketConfigDocument';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, requests, server, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';
import { isVisible, requireWorkbench, screenshot } from '../support/workbench';

const BUCKET = `config-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

/** Replaces the whole text of the active editor, as a user pasting would. */
async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  assert.ok(await editor.edit((edit) => edit.replace(all, text)));
}

async function openedEditor(scheme: string, name: string): Promise<vscode.TextEditor> {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open');
  assert.equal(editor.document.uri.scheme, scheme);
  assert.ok(editor.document.uri.path.endsWith(`/${BUCKET}/${name}`), editor.document.uri.toString());
  return editor;
}

describe('Bucket settings as documents (r2-config:)', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let bucket: ExplorerNode;
  const original: CorsRule[] = [{ AllowedOrigins: ['https://old.example'], AllowedMethods: ['GET'] }];

  before(async () => {
    // Saves happen when the test says: code-server auto-saves after a delay by default.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await putBucketCors(client, BUCKET, original, signal());
    bucket = await child(await addServerAccount('Settings'), BUCKET);
  });

  afterEach(async () => {
    if (vscode.window.activeTextEditor?.document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens the CORS rules as JSON; saving an edit applies it, and [] removes them', async () => {
    await vscode.commands.executeCommand('r2.editCorsRules', bucket);
    const editor = await openedEditor('r2-config', 'cors.json');
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), original);

    const edited: CorsRule[] = [
      {
        ID: 'site',
        AllowedOrigins: ['https://app.example', 'https://www.example'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['content-type'],
        ExposeHeaders: ['etag'],
        MaxAgeSeconds: 600,
      },
    ];
    await replaceText(editor, JSON.stringify(edited, null, 2));
    assert.equal(await editor.document.save(), true);
    assert.deepEqual(JSON.parse(JSON.stringify(await getBucketCors(client, BUCKET, signal()))), edited);

    await replaceText(editor, '[]\n');
    assert.equal(await editor.document.save(), true);
    assert.deepEqual(await getBucketCors(client, BUCKET, signal()), []);
    await putBucketCors(client, BUCKET, original, signal());
  });

  it('refuses an invalid rule with the problem, and leaves the rules in R2 as they were', async () => {
    await vscode.commands.executeCommand('r2.editCorsRules', bucket);
    const editor = await openedEditor('r2-config', 'cors.json');
    await replaceText(editor, JSON.stringify([{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'PATCH'] }], null, 2));
    // The problem shows as the user types...
    const problem = 'Rule 1: AllowedMethods has "PATCH"; R2 allows GET, PUT, POST, DELETE, HEAD.';
    assert.deepEqual(
      vscode.languages.getDiagnostics(editor.document.uri).map((diagnostic) => diagnostic.message),
      [problem],
    );
    // ...and the save fails with it.
    assert.equal(await editor.document.save(), false);
    assert.equal(editor.document.isDirty, true);
    assert.deepEqual(JSON.parse(JSON.stringify(await getBucketCors(client, BUCKET, signal()))), original);
    if (process.env.R2_TEST_UI_PROBE) {
      // VS Code's save error notification (shown in the list: a toast needs the page to have focus).
      await vscode.commands.executeCommand('notifications.showList');
      assert.equal(
        await isVisible({
          selector: `.notification-list-item:has-text(${JSON.stringify(`${problem} Nothing was changed in R2.`)})`,
        }),
        true,
        'the save error shows the problem',
      );
      await screenshot('cors-invalid');
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  it('a refused save shows the reason, without the FileSystemError kind', async function () {
    requireWorkbench(this);
    const readOnly = await child(await addServerAccount('Settings read-only', server.readOnly), BUCKET);
    await vscode.commands.executeCommand('r2.editCorsRules', readOnly);
    const editor = await openedEditor('r2-config', 'cors.json');
    await replaceText(editor, JSON.stringify([{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }], null, 2));
    assert.equal(await editor.document.save(), false);
    assert.deepEqual(JSON.parse(JSON.stringify(await getBucketCors(client, BUCKET, signal()))), original);
    await vscode.commands.executeCommand('notifications.showList');
    try {
      const reason = `Access denied: this key may not change the CORS rules of bucket "${BUCKET}" (it may be read-only). Nothing was changed in R2.`;
      assert.equal(
        await isVisible({ selector: `.notification-list-item:has-text(${JSON.stringify(reason)})` }),
        true,
        'the save error gives the reason',
      );
      assert.equal(
        await isVisible({ selector: '.notification-list-item:has-text("(FileSystemError)")' }, 1000),
        false,
        'no FileSystemError kind in the message',
      );
      await screenshot('cors-refused');
    } finally {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  it("Save (Ctrl+S) shows a refusal's reason alone, and applies an accepted document once", async () => {
    const readOnly = await child(await addServerAccount('Settings save, read-only', server.readOnly), BUCKET);
    await vscode.commands.executeCommand('r2.editCorsRules', readOnly);
    const refused = await openedEditor('r2-config', 'cors.json');
    await replaceText(refused, JSON.stringify([{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }], null, 2));
    const prompts = await runWithPrompts('r2.saveBucketConfig', []);
    assert.deepEqual(
      prompts.shown.map((shown) => [shown.level, shown.message]),
      [
        [
          'error',
          `Access denied: this key may not change the CORS rules of bucket "${BUCKET}" (it may be read-only). Nothing was changed in R2.`,
        ],
      ],
    );
    assert.equal(refused.document.isDirty, true, 'the edits stay, unsaved');
    assert.deepEqual(JSON.parse(JSON.stringify(await getBucketCors(client, BUCKET, signal()))), original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.commands.executeCommand('r2.editCorsRules', bucket);
    const accepted = await openedEditor('r2-config', 'cors.json');
    const rules = [{ AllowedOrigins: ['https://saved.example'], AllowedMethods: ['GET', 'HEAD'] }];
    await replaceText(accepted, JSON.stringify(rules, null, 2));
    await requests.reset();
    const saved = await runWithPrompts('r2.saveBucketConfig', []);
    assert.deepEqual(saved.shown, []);
    assert.equal(accepted.document.isDirty, false, 'saved');
    assert.equal((await requests.byOperation()).PutBucketCors, 1, 'applied once, not again by the save');
    assert.deepEqual(JSON.parse(JSON.stringify(await getBucketCors(client, BUCKET, signal()))), rules);
    await putBucketCors(client, BUCKET, original, signal());
  });

  it('edits lifecycle rules the same way', async () => {
    await vscode.commands.executeCommand('r2.editLifecycleRules', bucket);
    const editor = await openedEditor('r2-config', 'lifecycle.json');
    // No rules yet: the commented template, an empty array.
    assert.deepEqual(parseLifecycleRules(editor.document.getText()), { ok: true, rules: [] });
    const rules = [{ ID: 'expire logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } }];
    await replaceText(editor, JSON.stringify(rules, null, 2));
    assert.equal(await editor.document.save(), true);
    assert.deepEqual(
      (await getBucketLifecycle(client, BUCKET, signal())).map(({ ID, Status, Filter, Expiration }) => ({
        ID,
        Status,
        Filter,
        Expiration: { Days: Expiration?.Days },
      })),
      rules,
    );
  });
});
