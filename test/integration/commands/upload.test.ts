import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { getObjectBytes, headObject, isR2Error, putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, children, faults, label, useBuckets } from '../support/extension';
import { bucketContents, localTree, openMultipartUploads, randomContent, sha256 } from '../support/files';
import { recordProgress } from '../support/progress';
import { scriptPrompts } from '../support/prompts';

const BUCKET = 'upload-bucket';
const signal = () => AbortSignal.timeout(120_000);
const HERE = '$(check) Upload here';

/** The destination picker's answers: account and bucket are implied (one each), then a folder. */
function toFolder(...folders: string[]): string[] {
  return [BUCKET, ...folders.map((folder) => `$(folder) ${folder}`), HERE];
}

describe('Upload', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();

  // code-server saves edits after a delay by default: the unsaved edits of Upload Active File's test
  // must stay unsaved however long a step takes.
  const files = () => vscode.workspace.getConfiguration('files');
  before(async () => {
    await addServerAccount('Local R2');
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));

  afterEach(() => faults.clear());

  it('uploads files and folders from the Explorer selection, keeping structure and bytes', async () => {
    const files = {
      'site/index.html': '<h1>hi</h1>',
      'site/css/a b.css': 'body{}',
      'site/img/logo.bin': randomContent(40_000),
      'notes.txt': 'n',
    };
    const root = await localTree(files);
    const site = vscode.Uri.file(join(root, 'site'));
    const notes = vscode.Uri.file(join(root, 'notes.txt'));
    const prompts = scriptPrompts(toFolder());
    try {
      // Explorer right-click passes the clicked item and the whole selection.
      await vscode.commands.executeCommand('r2.upload', site, [site, notes]);
    } finally {
      prompts.restore();
    }
    const expected = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, sha256(content)]));
    assert.deepEqual(await bucketContents(client, BUCKET), expected);
    assert.equal(
      (await headObject(client, { bucket: BUCKET, key: 'site/css/a b.css' }, signal())).contentType,
      'text/css; charset=utf-8',
    );
    assert.match(prompts.shown.at(-1)?.message ?? '', /^Uploaded 4 files to upload-bucket\/$/);
    // The tree shows them without a manual refresh.
    const bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
    assert.deepEqual((await children(await child(bucketNode, 'site/'))).map(label), ['css/', 'img/', 'index.html']);
  });

  it('never overwrites an existing key without the user choosing to', async () => {
    const root = await localTree({ 'notes.txt': 'second version' });
    const notes = vscode.Uri.file(join(root, 'notes.txt'));
    const skip = scriptPrompts(['$(history) upload-bucket/'], undefined);
    try {
      await vscode.commands.executeCommand('r2.upload', notes);
    } finally {
      skip.restore();
    }
    // Both sides' size and date; one file: no Skip All or Overwrite All (Cancel keeps the object).
    const question = skip.shown.find((m) => m.level === 'warning');
    assert.match(
      question?.message ?? '',
      /"notes\.txt" already exists in upload-bucket\. Overwrite it\?\n\nIn R2: 1 B, modified \d{4}-\d\d-\d\d \d\d:\d\d\nLocal file: 14 B, modified \d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    assert.deepEqual(question?.items, ['Overwrite']);
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: 'notes.txt', maxBytes: 100 }, signal())).bytes.toString(),
      'n',
    );

    const overwrite = scriptPrompts(['$(history) upload-bucket/'], 'Overwrite');
    try {
      await vscode.commands.executeCommand('r2.upload', notes);
    } finally {
      overwrite.restore();
    }
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: 'notes.txt', maxBytes: 100 }, signal())).bytes.toString(),
      'second version',
    );

    // The same bytes again (a retry whose first attempt reached R2): nothing to ask about.
    const again = scriptPrompts(['$(history) upload-bucket/']);
    try {
      await vscode.commands.executeCommand('r2.upload', notes);
    } finally {
      again.restore();
    }
    assert.equal(again.shown.filter((m) => m.level === 'warning').length, 0);
    assert.match(again.shown.at(-1)?.message ?? '', /^Uploaded notes\.txt to upload-bucket\/$/);
  });

  it('overwrites only the version the user saw: one written after Overwrite is asked about again', async () => {
    const root = await localTree({ 'raced.txt': 'mine' });
    await putObject(client, { bucket: BUCKET, key: 'raced.txt', body: 'v1' }, signal());
    const prompts = scriptPrompts(
      ['$(history) upload-bucket/'],
      [
        async () => {
          // Another client writes the key while the question is on screen.
          await faults.inject({
            type: 'write',
            operation: 'PutObject',
            bucket: BUCKET,
            key: 'raced.txt',
            body: 'theirs',
          });
          return 'Overwrite';
        },
        // One file: the question offers Overwrite only; Cancel keeps theirs.
        undefined,
      ],
    );
    try {
      await vscode.commands.executeCommand('r2.upload', vscode.Uri.file(join(root, 'raced.txt')));
    } finally {
      prompts.restore();
    }
    const questions = prompts.shown.filter((m) => m.level === 'warning').map((m) => m.message);
    assert.equal(questions.length, 2, questions.join(' | '));
    assert.match(questions[0], /"raced\.txt" already exists in upload-bucket/);
    assert.match(
      questions[1],
      /"raced\.txt" in upload-bucket was changed by someone else after you chose to overwrite it/,
    );
    assert.equal(
      (await getObjectBytes(client, { bucket: BUCKET, key: 'raced.txt', maxBytes: 100 }, signal())).bytes.toString(),
      'theirs',
    );
    assert.match(prompts.shown.at(-1)?.message ?? '', /0 uploaded, 1 not done \(cancelled\)/);
  });

  it('uploads into a folder node from a file dialog, and by drop onto the node', async () => {
    const root = await localTree({ 'a.txt': 'a', 'b.txt': 'b' });
    const bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
    const site = await child(bucketNode, 'site/');
    const dialog = scriptPrompts([[vscode.Uri.file(join(root, 'a.txt'))]]);
    try {
      await vscode.commands.executeCommand('r2.upload', site);
    } finally {
      dialog.restore();
    }
    // What the tree's drag-and-drop controller runs for a drop of Explorer files on the node.
    const drop = scriptPrompts([]);
    try {
      await vscode.commands.executeCommand('r2.upload', site, [vscode.Uri.file(join(root, 'b.txt'))]);
    } finally {
      drop.restore();
    }
    const contents = await bucketContents(client, BUCKET, 'site/');
    assert.equal(contents['site/a.txt'], sha256('a'));
    assert.equal(contents['site/b.txt'], sha256('b'));
  });

  it('uploads the active file from the palette', async () => {
    const root = await localTree({ 'active.md': '# active' });
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(root, 'active.md')));
    await vscode.window.showTextDocument(document);
    const prompts = scriptPrompts(['$(folder-opened) Choose another destination…', ...toFolder('site/')]);
    try {
      await vscode.commands.executeCommand('r2.uploadActiveFile');
    } finally {
      prompts.restore();
    }
    assert.equal(
      (await headObject(client, { bucket: BUCKET, key: 'site/active.md' }, signal())).contentType,
      'text/markdown; charset=utf-8',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Upload Active File with unsaved edits asks first: Cancel saves nothing, Upload Saved Version leaves the edits, Save and Upload saves after the destination', async () => {
    const root = await localTree({ 'dirty.md': 'saved text' });
    const path = join(root, 'dirty.md');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'unsaved '));
    const destination = ['$(folder-opened) Choose another destination…', ...toFolder('site/')];
    const run = async (answers: Parameters<typeof scriptPrompts>[0], button: Parameters<typeof scriptPrompts>[1]) => {
      const prompts = scriptPrompts(answers, button);
      try {
        await vscode.commands.executeCommand('r2.uploadActiveFile');
      } finally {
        prompts.restore();
      }
      return prompts;
    };
    const object = async () =>
      (
        await getObjectBytes(client, { bucket: BUCKET, key: 'site/dirty.md', maxBytes: 100 }, signal())
      ).bytes.toString();

    // Asked before any destination: Cancel saves and uploads nothing.
    const cancelled = await run([], undefined);
    assert.deepEqual(
      cancelled.shown.map((m) => [m.message, m.items]),
      [
        [
          '"dirty.md" has unsaved changes. Save them and upload, or upload the version saved on disk?',
          ['Save and Upload', 'Upload Saved Version'],
        ],
      ],
    );
    assert.deepEqual(cancelled.asked, []);
    assert.equal(document.isDirty, true);
    assert.equal(readFileSync(path, 'utf8'), 'saved text');

    const savedVersion = await run(destination, 'Upload Saved Version');
    assert.equal(savedVersion.shown[0].message.includes('unsaved changes'), true);
    assert.equal(await object(), 'saved text');
    assert.equal(document.isDirty, true, 'the edits stay unsaved');

    // Save and Upload, then Escape at the destination: nothing saved yet.
    await run([undefined], 'Save and Upload');
    assert.equal(document.isDirty, true, 'not saved before a destination is chosen');

    await run(destination, ['Save and Upload', 'Overwrite']);
    assert.equal(document.isDirty, false);
    assert.equal(await object(), 'unsaved saved text');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('cancelling a 200 MiB upload leaves no object and no multipart upload', async function () {
    const root = await localTree({});
    const big = join(root, 'big.bin');
    await writeFile(big, randomContent(200 * 1024 * 1024));
    // Parts are held until the client gives up on them, so only Cancel can end the upload.
    await faults.inject({ type: 'delay', operation: 'UploadPart', ms: 600_000, times: 'always' });
    const prompts = scriptPrompts(['$(history) upload-bucket/site/']);
    const progress = recordProgress();
    try {
      const upload = vscode.commands.executeCommand('r2.upload', vscode.Uri.file(big));
      // Cancel once the upload is in flight: its multipart upload exists on the server.
      while ((await openMultipartUploads(BUCKET)).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      progress.cancel();
      await upload;
    } finally {
      progress.restore();
      prompts.restore();
    }
    await assert.rejects(headObject(client, { bucket: BUCKET, key: 'site/big.bin' }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
    assert.deepEqual(await openMultipartUploads(BUCKET), []);
    assert.match(prompts.shown.at(-1)?.message ?? '', /0 uploaded, 1 not done \(cancelled\)/);
  });
});
