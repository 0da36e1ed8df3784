// r2.upload's decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { upload } from '../../../src/commands/upload';
import { uploadActiveFile } from '../../../src/commands/uploadActiveFile';
import { getObjectBytes, headObject, isR2Error, putObject } from '../../../src/r2';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi, fileUri } from '../../support/fakeUi';
import { live, useBucket, useTempDir } from '../r2/helpers';
import { folderNode, readOnlyClient, serverAccount, testServices } from './helpers';

const HERE = '$(check) Upload here';

describe('r2.upload', () => {
  const bucket = useBucket('cmd-upload');
  const temp = useTempDir();

  async function localFile(name: string, content: string): Promise<string> {
    const path = join(temp.path, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes.toString();

  it('on a folder node asks for files; dismissing the dialog cancels before any request', async () => {
    const ui = new FakeUi([{ dialog: 'Upload to', answer: undefined }]);
    const services = testServices(ui, bucket.client);
    await assert.rejects(upload(services, folderNode(serverAccount(), bucket.name, 'in/')), UserCancelled);
    ui.assertDone();
    assert.deepEqual(ui.progress, []);
  });

  it('uploads files dropped on a folder, says how many, and has the folder listed again', async () => {
    const a = await localFile('drop/a.txt', 'a');
    const b = await localFile('drop/b.txt', 'b');
    const ui = new FakeUi();
    const services = testServices(ui, bucket.client);
    await upload(services, folderNode(serverAccount(), bucket.name, 'dropped/'), [fileUri(a), fileUri(b)]);
    ui.assertDone();
    assert.deepEqual(ui.progress, [`Uploading to ${bucket.name}/dropped/`]);
    assert.deepEqual(ui.shown, [
      { level: 'info', message: `Uploaded 2 files to ${bucket.name}/dropped/`, actions: [] },
    ]);
    assert.equal(await read('dropped/a.txt'), 'a');
    assert.deepEqual(services.changedPlaces, [{ accountId: 'test-account', bucket: bucket.name, prefix: 'dropped/' }]);
  });

  it('from the palette, dismissing the destination picker cancels', async () => {
    const file = await localFile('palette.txt', 'p');
    const ui = new FakeUi([{ pick: 'Upload to R2', answer: undefined }]);
    await assert.rejects(upload(testServices(ui, bucket.client), fileUri(file)), UserCancelled);
    ui.assertDone();
  });

  it('one file: offers Copy URL and Reveal in R2; Copy URL copies its s3:// URI', async () => {
    const file = await localFile('one.txt', 'one');
    const ui = new FakeUi([
      { pick: 'Upload to R2', answer: bucket.name },
      { pick: 'Upload to R2', answer: HERE },
      { message: 'Uploaded one.txt to', answer: 'Copy URL' },
    ]);
    const services = testServices(ui, bucket.client);
    await upload(services, fileUri(file));
    ui.assertDone();
    assert.deepEqual(ui.shown[0], {
      level: 'info',
      message: `Uploaded one.txt to ${bucket.name}/`,
      actions: ['Copy URL', 'Reveal in R2'],
    });
    assert.deepEqual(ui.clipboard, [`s3://${bucket.name}/one.txt`]);
    // The destination is remembered and offered first next time; the same bytes again ask nothing.
    const again = new FakeUi([{ pick: 'Upload to R2', answer: `$(history) ${bucket.name}/` }]);
    await upload({ ...services, ui: again }, fileUri(file));
    again.assertDone();
    assert.equal(again.shown[0].message, `Uploaded one.txt to ${bucket.name}/`);
  });

  it('an existing key is asked about, with both sides: Skip All keeps them, Cancel stops, Overwrite replaces', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'taken/x.txt', body: 'theirs' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'taken/y.txt', body: 'theirs too' }, live);
    const file = await localFile('x.txt', 'mine');
    const other = await localFile('y.txt', 'mine too');
    const node = folderNode(serverAccount(), bucket.name, 'taken/');

    // Several files: Skip All and Overwrite All are offered.
    const skip = new FakeUi([{ modal: /"taken\/[xy]\.txt" already exists/, answer: 'Skip All' }]);
    await upload(testServices(skip, bucket.client), node, [fileUri(file), fileUri(other)]);
    skip.assertDone();
    assert.deepEqual(
      skip.shown.map((shown) => shown.actions),
      [['Overwrite', 'Skip', 'Overwrite All', 'Skip All'], []],
    );
    assert.equal(skip.shown[1].message, '0 uploaded, 2 skipped.');
    assert.equal(await read('taken/x.txt'), 'theirs');

    // One file: Overwrite (or Cancel) only; the question gives both sides' size and date.
    const cancel = new FakeUi([{ modal: 'already exists', answer: undefined }]);
    await upload(testServices(cancel, bucket.client), node, [fileUri(file)]);
    cancel.assertDone();
    assert.deepEqual(cancel.shown[0].actions, ['Overwrite']);
    assert.match(
      cancel.shown[0].message,
      /Overwrite it\?\n\nIn R2: 6 B, modified \d{4}-\d\d-\d\d \d\d:\d\d\nLocal file: 4 B, modified \d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    assert.equal(cancel.shown[1].message, '0 uploaded, 1 not done (cancelled).');
    assert.equal(await read('taken/x.txt'), 'theirs');

    const overwrite = new FakeUi([{ modal: 'already exists', answer: 'Overwrite' }]);
    await upload(testServices(overwrite, bucket.client), node, [fileUri(file)]);
    overwrite.assertDone();
    assert.equal(await read('taken/x.txt'), 'mine');
  });

  it('Upload Active File with unsaved edits asks before the destination, and saves only after one is chosen', async () => {
    const file = await localFile('active.md', 'on disk');
    const cancel = new FakeUi([{ modal: '"active.md" has unsaved changes', answer: undefined }]);
    cancel.active = fileUri(file);
    cancel.dirty.add(file);
    await uploadActiveFile(testServices(cancel, bucket.client));
    cancel.assertDone();
    assert.deepEqual(cancel.shown[0].actions, ['Save and Upload', 'Upload Saved Version']);
    assert.deepEqual(cancel.saved, []);

    const escape = new FakeUi([
      { modal: 'unsaved changes', answer: 'Save and Upload' },
      { pick: /./, answer: undefined },
    ]);
    escape.active = fileUri(file);
    escape.dirty.add(file);
    await assert.rejects(uploadActiveFile(testServices(escape, bucket.client)), UserCancelled);
    escape.assertDone();
    assert.deepEqual(escape.saved, [], 'nothing saved before a destination is chosen');
  });

  it('Cancel on the progress notification uploads nothing', async () => {
    const file = await localFile('cancelled.txt', 'c');
    const ui = new FakeUi([{ cancelProgress: 'Uploading to' }]);
    await upload(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'cancel/'), [fileUri(file)]);
    ui.assertDone();
    assert.equal(ui.shown[0].message, '0 uploaded, 1 not done (cancelled).');
    await assert.rejects(
      headObject(bucket.client, { bucket: bucket.name, key: 'cancel/cancelled.txt' }, live),
      (error) => isR2Error(error, 'NoSuchKey'),
    );
  });

  it('says so when the selection holds no file, and logs what it refused', async () => {
    const empty = join(temp.path, 'empty');
    await mkdir(empty, { recursive: true });
    const ui = new FakeUi();
    await upload(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name), [fileUri(empty)]);
    assert.deepEqual(ui.messages(), ['There is nothing to upload: the selection holds no files.']);

    const missing = new FakeUi([
      { message: '0 uploaded, 1 failed: it no longer exists, or is a broken link.', answer: 'Show Log' },
    ]);
    const services = testServices(missing, bucket.client);
    await upload(services, folderNode(serverAccount(), bucket.name), [fileUri(join(temp.path, 'gone.txt'))]);
    missing.assertDone();
    // A refused file cannot be retried: only Show Log.
    assert.deepEqual(missing.shown[0].actions, ['Show Log']);
    assert.ok(services.fakeLog.shown);
    assert.match(services.fakeLog.lines.join('\n'), /gone\.txt: not uploaded, it no longer exists/);
  });

  it('a read-only key: the summary says the key may be read-only and offers Edit Account for that account, not Retry', async () => {
    const file = await localFile('refused.txt', 'r');
    const ui = new FakeUi([{ message: '0 uploaded, 1 failed: access denied', answer: 'Edit Account' }]);
    await upload(testServices(ui, readOnlyClient()), folderNode(serverAccount(), bucket.name), [fileUri(file)]);
    ui.assertDone();
    assert.deepEqual(ui.shown, [
      {
        level: 'warning',
        message: '0 uploaded, 1 failed: access denied — the key may be read-only, or limited to other buckets.',
        actions: ['Edit Account', 'Show Log'],
      },
    ]);
    assert.deepEqual(ui.commands, [{ command: 'r2.editAccount', args: ['test-account'] }]);
  });
  it('names each file by r2.upload.nameTemplate, keeping the folders below the one chosen', async () => {
    await localFile('named/shots/a.png', 'a');
    const b = await localFile('named/b.txt', 'b');
    const ui = new FakeUi();
    const settings = { 'upload.nameTemplate': 'x-${fileName}' };
    const services = testServices(ui, bucket.client, { settings });
    await upload(services, folderNode(serverAccount(), bucket.name, 'n/'), [
      fileUri(join(temp.path, 'named/shots')),
      fileUri(b),
    ]);
    ui.assertDone();
    assert.deepEqual([await read('n/shots/x-a.png'), await read('n/x-b.txt')], ['a', 'b']);
  });

  it('a name template with an unknown variable uploads nothing and offers to open the setting', async () => {
    const file = await localFile('unknown-variable.txt', 'u');
    const ui = new FakeUi([{ message: 'uses ${name}', answer: 'Open Settings' }]);
    const services = testServices(ui, bucket.client, { settings: { 'upload.nameTemplate': '${name}' } });
    await assert.rejects(
      upload(services, folderNode(serverAccount(), bucket.name, 'u/'), [fileUri(file)]),
      UserCancelled,
    );
    await new Promise((resolve) => setImmediate(resolve));
    ui.assertDone();
    assert.deepEqual(ui.progress, []);
    assert.deepEqual(ui.commands, [{ command: 'workbench.action.openSettings', args: ['r2.upload.nameTemplate'] }]);
  });
});
