import { strict as assert } from 'node:assert';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import { toR2Uri } from '../../../src/fs/r2Uri';
import { getObjectBytes, headObject, listPage, putObject } from '../../../src/r2';
import type { BucketNode } from '../../../src/tree/bucketNode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import type { ObjectNode } from '../../../src/tree/objectNode';
import {
  addServerAccount,
  adminClient,
  api,
  child,
  children,
  faults,
  label,
  requests,
  useBuckets,
} from '../support/extension';
import { scriptPrompts } from '../support/prompts';
import { click, isVisible, screenshot } from '../support/workbench';

const BUCKET = `editing-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(120_000);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs the command a click on the node runs, as the view does. */
async function clickNode(node: ExplorerNode): Promise<vscode.Command> {
  const command = node.getTreeItem().command;
  assert.ok(command, `${label(node)} has a command`);
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  return command;
}

function activeTabUri(): string | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom
    ? input.uri.toString()
    : undefined;
}

async function serverText(key: string): Promise<string> {
  return (await getObjectBytes(adminClient(), { bucket: BUCKET, key, maxBytes: 1024 * 1024 }, signal())).bytes.toString(
    'utf8',
  );
}

async function closeAll(): Promise<void> {
  // Dirty documents would make closing prompt: revert them first.
  for (const document of vscode.workspace.textDocuments.filter((each) => each.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Objects in editors (r2: file system)', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let bucket: ExplorerNode;
  let accountId: string;

  before(async () => {
    await Promise.all([
      putObject(
        client,
        {
          bucket: BUCKET,
          key: 'notes/readme.txt',
          body: '# Notes\n\nfirst line\n',
          contentType: 'text/x-notes; charset=utf-8',
          cacheControl: 'max-age=60',
          metadata: { owner: 'alice', team: 'docs' },
        },
        signal(),
      ),
      putObject(
        client,
        { bucket: BUCKET, key: 'notes/conflict.txt', body: 'original text\n', contentType: 'text/plain' },
        signal(),
      ),
      putObject(client, { bucket: BUCKET, key: 'notes/race.txt', body: 'race original\n' }, signal()),
      putObject(client, { bucket: BUCKET, key: 'images/pixel.png', body: PNG, contentType: 'image/png' }, signal()),
      putObject(client, { bucket: BUCKET, key: 'notes/empty.txt', body: '' }, signal()),
      putObject(client, { bucket: BUCKET, key: 'notes/long.txt', body: 'a line of text\n'.repeat(30_000) }, signal()),
      putObject(client, { bucket: BUCKET, key: 'big/sixty.bin', body: Buffer.alloc(60 * 1024 * 1024, 0x61) }, signal()),
      client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'cold/archive.txt',
          Body: 'kept for years\n',
          StorageClass: 'STANDARD_IA',
        }),
        { operation: 'PutObject' },
        signal(),
      ),
    ]);
    // Saves happen when the test says: code-server auto-saves after a delay by default.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const account = await addServerAccount('Editing');
    bucket = await child(account, BUCKET);
    accountId = (bucket as BucketNode).account.id;
  });

  afterEach(async () => {
    await faults.clear();
    await closeAll();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens a text object on click, and saves an edit back with its Content-Type, Cache-Control and metadata', async () => {
    const node = (await child(await child(bucket, 'notes/'), 'readme.txt')) as ObjectNode;
    await requests.reset();
    const command = await clickNode(node);
    // The same command as VS Code's Explorer: the view hands it the click (preview, or pinned on double click).
    assert.equal(command.command, 'vscode.open');
    const editor = await waitFor('the editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === node.uri.toString()
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.document.getText(), '# Notes\n\nfirst line\n');
    // One GET: the stat before the read fetched the small object whole, and the read used it.
    assert.deepEqual(await requests.byOperation(), { GetObject: 1 });
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'édité → ')));
    await requests.reset();
    assert.equal(await editor.document.save(), true);
    // VS Code's check before the write (HEAD) and the write; the stat after it is answered from the write.
    assert.deepEqual(await requests.byOperation(), { HeadObject: 1, PutObject: 1 });
    const { head, bytes } = await getObjectBytes(
      client,
      { bucket: BUCKET, key: 'notes/readme.txt', maxBytes: 1024 },
      signal(),
    );
    assert.equal(bytes.toString('utf8'), '# Notes\n\nédité → first line\n');
    assert.deepEqual(bytes, Buffer.from(editor.document.getText(), 'utf8'));
    assert.equal(head.contentType, 'text/x-notes; charset=utf-8');
    assert.equal(head.cacheControl, 'max-age=60');
    assert.deepEqual(head.metadata, { owner: 'alice', team: 'docs' });
  });

  it('opens an empty object and one larger than the first read, each whole', async () => {
    await requests.reset();
    const empty = await vscode.workspace.openTextDocument(
      toR2Uri({ accountId, bucket: BUCKET, key: 'notes/empty.txt' }),
    );
    assert.equal(empty.getText(), '');
    // An empty object has no byte range to read: the range GET is refused (416) and the object is read whole.
    assert.deepEqual(await requests.byOperation(), { GetObject: 2 });
    await requests.reset();
    const long = await vscode.workspace.openTextDocument(toR2Uri({ accountId, bucket: BUCKET, key: 'notes/long.txt' }));
    assert.equal(long.getText(), 'a line of text\n'.repeat(30_000));
    // 450,000 bytes: the first read holds part of it, so the whole object is read after it.
    assert.deepEqual(await requests.byOperation(), { GetObject: 2 });
  });

  it('refuses to save over a change made behind the editor, into VS Code\'s "file is newer" flow; Overwrite then saves', async () => {
    const key = 'notes/conflict.txt';
    const uri = toR2Uri({ accountId, bucket: BUCKET, key });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'mine: ')));
    // Another writer, within the same second and with as many bytes: only the ETag tells them apart.
    const theirs = 'THEIR version\n';
    assert.equal(theirs.length, 'original text\n'.length);
    await putObject(client, { bucket: BUCKET, key, body: theirs, contentType: 'text/plain' }, signal());
    await requests.reset();

    assert.equal(await document.save(), false);
    assert.equal(document.isDirty, true);
    assert.equal(await serverText(key), theirs);
    assert.equal((await requests.byOperation()).PutObject, undefined, 'nothing was written');

    if (process.env.R2_TEST_UI_PROBE) {
      // The notification (a toast, or in the notification center when the page lacks focus).
      await vscode.commands.executeCommand('notifications.showList');
      const conflict = '.notification-list-item:has-text("The content of the file is newer")';
      assert.equal(
        await isVisible({ selector: `${conflict} .monaco-button:has-text("Compare")` }),
        true,
        'VS Code offers Compare',
      );
      await screenshot('save-conflict');
      // The notification's own Overwrite button: it saves again, ignoring the modification time.
      await click(`${conflict} .monaco-button:has-text("Overwrite")`);
      await vscode.commands.executeCommand('notifications.hideList');
    } else {
      // VS Code desktop has no page to click in: the conflict editor's "accept" command does the same save.
      await vscode.commands.executeCommand('workbench.files.action.acceptLocalChanges', uri);
    }
    await waitFor('the overwrite', () => !document.isDirty);
    assert.equal(await serverText(key), 'mine: original text\n');
  });

  it("catches a change between VS Code's check and the write: the write is If-Match and fails", async () => {
    const key = 'notes/race.txt';
    const document = await vscode.workspace.openTextDocument(toR2Uri({ accountId, bucket: BUCKET, key }));
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'mine: ')));
    await requests.reset();
    await faults.inject({ type: 'delay', operation: 'PutObject', ms: 1500 });
    const saving = document.save();
    // Once the save's PutObject has arrived (and is held), another writer gets in first.
    await waitFor('the held PutObject', async () => ((await requests.byOperation()).PutObject ?? 0) >= 1);
    await putObject(client, { bucket: BUCKET, key, body: 'theirs, in between\n' }, signal());
    assert.equal(await saving, false);
    assert.equal(document.isDirty, true);
    assert.equal(await serverText(key), 'theirs, in between\n');
  });

  it('creates a new file under an r2: folder with If-None-Match, and it shows in the tree', async () => {
    const folder = await child(bucket, 'notes/');
    const uri = toR2Uri({ accountId, bucket: BUCKET, key: 'notes/new file.txt' });
    const create = new vscode.WorkspaceEdit();
    create.createFile(uri, { contents: Buffer.from('brand new\n') });
    assert.equal(await vscode.workspace.applyEdit(create), true);
    const head = await headObject(client, { bucket: BUCKET, key: 'notes/new file.txt' }, signal());
    assert.equal(head.contentType, 'text/plain; charset=utf-8');
    assert.equal(await serverText('notes/new file.txt'), 'brand new\n');
    (await api()).explorer.refresh(folder);
    assert.ok((await children(folder)).map(label).includes('new file.txt'));

    // Someone else creates a key between the existence check and the write: theirs stays.
    const raced = toR2Uri({ accountId, bucket: BUCKET, key: 'notes/raced.txt' });
    await requests.reset();
    await faults.inject({ type: 'delay', operation: 'PutObject', ms: 1500 });
    const writing = vscode.workspace.fs.writeFile(raced, Buffer.from('mine\n'));
    await waitFor('the held PutObject', async () => ((await requests.byOperation()).PutObject ?? 0) >= 1);
    await putObject(client, { bucket: BUCKET, key: 'notes/raced.txt', body: 'theirs\n' }, signal());
    await assert.rejects(
      Promise.resolve(writing),
      (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileExists',
    );
    assert.equal(await serverText('notes/raced.txt'), 'theirs\n');
  });

  it('opens an image in the image preview', async () => {
    const node = (await child(await child(bucket, 'images/'), 'pixel.png')) as ObjectNode;
    await clickNode(node);
    const input = await waitFor('the image preview', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputCustom && tab.uri.toString() === node.uri.toString() ? tab : undefined;
    });
    assert.equal(input.viewType, 'imagePreview.previewEditor');
  });

  it('asks before opening a 60 MiB object, offering Download Instead, and downloads nothing when dismissed', async () => {
    const node = (await child(await child(bucket, 'big/'), 'sixty.bin')) as ObjectNode;
    await requests.reset();
    let prompts = scriptPrompts([], undefined);
    try {
      const command = await clickNode(node);
      assert.equal(command.command, 'r2.openObject');
    } finally {
      prompts.restore();
    }
    assert.equal(prompts.shown.length, 1);
    assert.equal(prompts.shown[0].level, 'warning');
    assert.match(prompts.shown[0].message, /"sixty\.bin" is 60 MiB, more than the 50 MiB/);
    assert.deepEqual(prompts.shown[0].items, ['Open Anyway', 'Download Instead']);
    assert.equal((await requests.byOperation()).GetObject, undefined);
    assert.notEqual(activeTabUri(), node.uri.toString());

    // Download Instead hands the object to r2.download, which asks where to save it.
    prompts = scriptPrompts([undefined], 'Download Instead');
    try {
      await vscode.commands.executeCommand('r2.openObject', node);
    } finally {
      prompts.restore();
    }
    assert.deepEqual(prompts.asked, ['Download from R2']);
    assert.equal((await requests.byOperation()).GetObject, undefined);
  });

  it('says that opening an InfrequentAccess object costs a retrieval fee, then opens it', async () => {
    const node = (await child(await child(bucket, 'cold/'), 'archive.txt')) as ObjectNode;
    assert.equal(node.object.storageClass, 'STANDARD_IA');
    const prompts = scriptPrompts([], 'Open Anyway');
    try {
      await clickNode(node);
    } finally {
      prompts.restore();
    }
    assert.match(
      prompts.shown[0].message,
      /Infrequent Access storage: reading its 15 B is billed as a data retrieval fee/,
    );
    const editor = await waitFor('the editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === node.uri.toString()
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.document.getText(), 'kept for years\n');
  });

  it('opens an object browsed from the palette, and to the side', async () => {
    const prompts = scriptPrompts([BUCKET, '$(folder) notes/', '$(file) readme.txt']);
    try {
      await vscode.commands.executeCommand('r2.openObject');
    } finally {
      prompts.restore();
    }
    const uri = toR2Uri({ accountId, bucket: BUCKET, key: 'notes/readme.txt' }).toString();
    await waitFor('the editor', () => activeTabUri() === uri);
    // The only account is taken without asking; then the bucket, and one pick per folder level.
    assert.deepEqual(prompts.asked, ['Open Object', 'Open Object', 'Open Object']);

    const before = vscode.window.activeTextEditor?.viewColumn;
    await vscode.commands.executeCommand('r2.openToSide', await child(await child(bucket, 'notes/'), 'conflict.txt'));
    const side = await waitFor('the side editor', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/conflict.txt')
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.notEqual(side.viewColumn, before);
  });

  it('lists a folder as a directory, one level, with a stat from the listing rather than a HEAD per entry', async () => {
    const folder = toR2Uri({ accountId, bucket: BUCKET, key: 'notes' });
    await requests.reset();
    const entries = await vscode.workspace.fs.readDirectory(folder);
    assert.deepEqual(new Map(entries).get('readme.txt'), vscode.FileType.File);
    const stats = await Promise.all(
      entries.map(([name]) => vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name))),
    );
    assert.ok(stats.every((stat) => stat.type === vscode.FileType.File));
    const operations = await requests.byOperation();
    assert.equal(operations.ListObjectsV2, 1);
    assert.equal(operations.HeadObject, undefined);
    assert.equal((await vscode.workspace.fs.stat(folder)).type, vscode.FileType.Directory);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'missing.txt'))),
      (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
    );
  });

  it('creates folders as marker objects, and renames and deletes objects and folders', async () => {
    const uri = (key: string) => toR2Uri({ accountId, bucket: BUCKET, key });
    const keys = async (prefix: string) =>
      (await listPage(client, { bucket: BUCKET, prefix, delimiter: '' }, signal())).objects.map((object) => object.key);
    await vscode.workspace.fs.createDirectory(uri('made'));
    assert.deepEqual(await keys('made'), ['made/']);
    await vscode.workspace.fs.writeFile(uri('made/a.txt'), Buffer.from('a'));
    await vscode.workspace.fs.rename(uri('made/a.txt'), uri('made/b.txt'));
    assert.deepEqual(await keys('made'), ['made/', 'made/b.txt']);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.rename(uri('made/b.txt'), uri('notes/readme.txt'))),
      (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileExists',
    );
    await vscode.workspace.fs.rename(uri('made'), uri('moved'));
    assert.deepEqual(await keys('made'), []);
    assert.deepEqual(await keys('moved'), ['moved/', 'moved/b.txt']);
    await vscode.workspace.fs.delete(uri('moved/b.txt'));
    assert.deepEqual(await keys('moved'), ['moved/']);
    await vscode.workspace.fs.writeFile(uri('moved/c.txt'), Buffer.from('c'));
    await vscode.workspace.fs.delete(uri('moved'), { recursive: true });
    assert.deepEqual(await keys('moved'), []);
  });
});
