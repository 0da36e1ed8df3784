// CORS and lifecycle documents get help from VS Code's JSON support: a schema (completion, hover,
// errors at the field) and, for a bucket without rules, a commented template.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { parseCorsRules } from '../../../src/fs/bucketConfigDocument';
import { getBucketCors, getBucketLifecycle } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, requests, useBuckets } from '../support/extension';

const BUCKET = `schema-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

/** Polls until `probe` returns a value: the JSON language server answers a moment after an edit. */
async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  assert.ok(await editor.edit((edit) => edit.replace(all, text)));
}

async function open(command: string, bucket: ExplorerNode, name: string): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand(command, bucket);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is open');
  assert.ok(editor.document.uri.path.endsWith(`/${BUCKET}/${name}`), editor.document.uri.toString());
  return editor;
}

/** A schema problem (the JSON language server's, not the extension's own R2 check) on the line of `text`. */
function schemaProblemAt(editor: vscode.TextEditor, text: string): vscode.Diagnostic | undefined {
  const line = editor.document.positionAt(editor.document.getText().indexOf(text)).line;
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((diagnostic) => diagnostic.source !== 'R2' && diagnostic.range.start.line === line);
}

describe('CORS and lifecycle documents: schema and template', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  let bucket: ExplorerNode;

  before(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    bucket = await child(await addServerAccount('Schema'), BUCKET);
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

  it('shows a commented template for a bucket without CORS rules; saving it creates none', async () => {
    const editor = await open('r2.editCorsRules', bucket, 'cors.json');
    const text = editor.document.getText();
    assert.match(text, /^\/\/ /, 'the template starts with a comment');
    assert.match(text, /AllowedOrigins/, "the template shows a rule's fields");
    assert.deepEqual(parseCorsRules(text), { ok: true, rules: [] }, 'the template itself is an empty list of rules');
    // No problem in the template: neither R2's check nor the JSON language ("comments are not permitted").
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(
      vscode.languages.getDiagnostics(editor.document.uri).map((diagnostic) => diagnostic.message),
      [],
    );
    // Saved as it is (with a blank line added, so there is something to save).
    await requests.reset();
    await editor.edit((edit) => edit.insert(editor.document.positionAt(text.length), '\n'));
    assert.equal(await editor.document.save(), true);
    assert.deepEqual(await getBucketCors(adminClient(), BUCKET, signal()), []);
    assert.equal((await requests.byOperation()).PutBucketCors, undefined, 'no CORS rules were written');
  });

  it('shows a commented template for a bucket without lifecycle rules', async () => {
    const editor = await open('r2.editLifecycleRules', bucket, 'lifecycle.json');
    const text = editor.document.getText();
    assert.match(text, /^\/\/ /);
    assert.match(text, /Expiration/);
    await editor.edit((edit) => edit.insert(editor.document.positionAt(text.length), '\n'));
    assert.equal(await editor.document.save(), true);
    assert.deepEqual(await getBucketLifecycle(adminClient(), BUCKET, signal()), []);
  });

  it('marks a field of the wrong type where it is, from the CORS schema', async () => {
    const editor = await open('r2.editCorsRules', bucket, 'cors.json');
    await replaceText(
      editor,
      '[\n  {\n    "AllowedOrigins": ["*"],\n    "AllowedMethods": ["GET"],\n    "MaxAgeSeconds": "600"\n  }\n]\n',
    );
    const problem = await waitFor('a schema diagnostic on MaxAgeSeconds', () => schemaProblemAt(editor, '"600"'));
    assert.match(problem.message, /integer|number/i, problem.message);
  });

  it('completes and explains CORS fields from the schema', async () => {
    const editor = await open('r2.editCorsRules', bucket, 'cors.json');
    await replaceText(editor, '[\n  {\n    \n  }\n]\n');
    const inside = new vscode.Position(2, 4);
    const completions = await waitFor('schema completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        inside,
      );
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return labels.includes('AllowedOrigins') ? labels : undefined;
    });
    assert.ok(completions.includes('AllowedMethods'), completions.join());
    await replaceText(editor, '[\n  {\n    "MaxAgeSeconds": 600\n  }\n]\n');
    const hover = await waitFor('a hover on MaxAgeSeconds', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(2, 8),
      );
      const text = hovers
        .flatMap((each) => each.contents.map((part) => (typeof part === 'string' ? part : part.value)))
        .join('\n');
      return text.trim() ? text : undefined;
    });
    assert.match(hover, /seconds/i);
  });

  it('marks a lifecycle Status that is not Enabled or Disabled, from the schema', async () => {
    const editor = await open('r2.editLifecycleRules', bucket, 'lifecycle.json');
    await replaceText(editor, '[\n  {\n    "Status": "On",\n    "Expiration": { "Days": 30 }\n  }\n]\n');
    const problem = await waitFor('a schema diagnostic on Status', () => schemaProblemAt(editor, '"On"'));
    assert.match(problem.message, /Enabled/, problem.message);
  });
});
