// The sync commands' decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QuickPickItem } from 'vscode';
import { runSavedSync } from '../../../src/commands/runSavedSync';
import { syncLocalToR2 } from '../../../src/commands/syncLocalToR2';
import { syncR2ToLocal } from '../../../src/commands/syncR2ToLocal';
import { savedPairs } from '../../../src/commands/syncPairs';
import { listPage, putObject } from '../../../src/r2';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { s3env } from '../../support/s3env';
import { assertRequests, countRequests, live, useBucket, useTempDir } from '../r2/helpers';
import { folderNode, serverAccount, testServices } from './helpers';

const OPTIONS = 'Options of this sync';
const GITIGNORE = "Leave out what the local folder's .gitignore files ignore";
/** Answers the options pick with these options on (by the start of their label). */
const options =
  (...on: string[]) =>
  (items: readonly QuickPickItem[]) =>
    items.filter((item) => on.some((label) => item.label.startsWith(label)));

describe('sync commands', () => {
  const bucket = useBucket('cmd-sync');
  const temp = useTempDir();
  const files = async (root: string, contents: Record<string, string>) => {
    for (const [path, text] of Object.entries(contents)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  };
  afterEach(() => s3env().local?.clearFaults());
  const keys = async (prefix: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live)).objects.map((o) => o.key);

  it('to R2 from a folder node: the plan first, its entries browsable, then applied, then remembered', async () => {
    const root = join(temp.path, 'site');
    await files(root, { 'index.html': 'hi', 'a/b.css': 'b', '.gitignore': 'tmp/\n', 'tmp/x': 'x' });
    const ui = new FakeUi([
      { dialog: 'Sync Local Folder to R2', answer: [root] },
      { pick: OPTIONS, answer: options(GITIGNORE) },
      { modal: `Sync to ${bucket.name}/www/: 3 new (8 B), 0 changed (0 B), 0 unchanged.`, answer: 'Show Entries' },
      {
        pick: '3 entries of the plan',
        answer: (items) => {
          assert.deepEqual(
            items.map((item) => [item.label, item.detail]),
            [
              ['$(add) .gitignore', 'not in R2 yet'],
              ['$(add) a/b.css', 'not in R2 yet'],
              ['$(add) index.html', 'not in R2 yet'],
            ],
          );
          return undefined;
        },
      },
      { modal: 'Sync to', answer: 'Apply' },
      { message: '3 synced.', answer: 'Remember This Sync' },
    ]);
    const services = testServices(ui, bucket.client);
    await syncLocalToR2(services, folderNode(serverAccount(), bucket.name, 'www/'));
    ui.assertDone();
    assert.deepEqual(await keys('www/'), ['www/.gitignore', 'www/a/b.css', 'www/index.html']);
    assert.deepEqual(ui.progress, [
      `Comparing ${root} with ${bucket.name}/www/`,
      `Syncing ${root} to ${bucket.name}/www/`,
    ]);
    assert.deepEqual(savedPairs(services), [
      {
        direction: 'toR2',
        localFolder: root,
        accountId: 'test-account',
        bucket: bucket.name,
        prefix: 'www/',
        deleteExtra: false,
        useGitignore: true,
      },
    ]);

    // The saved sync from the node: no options asked, nothing to send, only the listing.
    const again = new FakeUi([]);
    const sameServices = { ...services, ui: again };
    countRequests(bucket.requests);
    await runSavedSync(sameServices, folderNode(serverAccount(), bucket.name, 'www/'));
    again.assertDone();
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.deepEqual(again.shown, [
      { level: 'info', message: `${bucket.name}/www/ is already in sync: 3 unchanged, nothing to send.`, actions: [] },
    ]);
  });

  it('deletion: the count is confirmed, and refusing it sends nothing but the listing', async () => {
    const root = join(temp.path, 'del');
    await files(root, { 'keep.txt': 'k' });
    await putObject(bucket.client, { bucket: bucket.name, key: 'del/gone.txt', body: 'g' }, live);
    const ui = new FakeUi([
      { dialog: 'Sync Local Folder to R2', answer: [root] },
      { pick: OPTIONS, answer: options('Delete files') },
      { modal: '1 new (1 B), 0 changed (0 B), 0 unchanged, 1 to delete.', answer: 'Apply' },
      { modal: `Delete 1 file from ${bucket.name}/del/`, answer: undefined },
    ]);
    countRequests(bucket.requests);
    await assert.rejects(
      syncLocalToR2(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'del/')),
      UserCancelled,
    );
    ui.assertDone();
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.deepEqual(await keys('del/'), ['del/gone.txt']);
  });

  it('to local from a folder node: Cancel on the plan writes nothing', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'down/a.txt', body: 'a' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'down/bad:name', body: 'b' }, live);
    const root = join(temp.path, 'down');
    const ui = new FakeUi([
      { dialog: 'Sync R2 Folder to Local', answer: [root] },
      { pick: OPTIONS, answer: options() },
      {
        modal: `Sync to ${root}: 1 new (1 B), 0 changed (0 B), 0 unchanged, 1 left out (unreadable, or no safe file name).`,
        answer: undefined,
      },
    ]);
    await assert.rejects(
      syncR2ToLocal(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'down/')),
      UserCancelled,
    );
    ui.assertDone();
    await assert.rejects(readdir(root), 'the folder is not even created');
  });

  it('Retry Failed sends the failed entries again, against the versions their plan saw', async () => {
    const { local } = s3env();
    assert.ok(local, 'commands run against the local server, whose faults fail the upload');
    const root = join(temp.path, 'retry');
    await files(root, { 'a.txt': 'a' });
    // Every attempt of the one PUT fails (the client tries 4 times).
    local.inject({ type: 'error', operation: 'PutObject', times: 4 });
    const ui = new FakeUi([
      { dialog: 'Sync Local Folder to R2', answer: [root] },
      { pick: OPTIONS, answer: options() },
      { modal: 'Sync to', answer: 'Apply' },
      { message: /^0 synced, 1 failed: the server failed/, answer: 'Retry Failed' },
      { message: '1 synced.', answer: undefined },
    ]);
    await syncLocalToR2(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'retry/'));
    ui.assertDone();
    assert.deepEqual(await keys('retry/'), ['retry/a.txt']);
    assert.deepEqual(ui.progress.slice(1), [
      `Syncing ${root} to ${bucket.name}/retry/`,
      `Syncing ${root} to ${bucket.name}/retry/`,
    ]);
  });

  it('Run Saved Sync on a folder without one says so', async () => {
    const ui = new FakeUi([]);
    await runSavedSync(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'none/'));
    assert.deepEqual(ui.messages(), [
      `No saved sync for ${bucket.name}/none/: after a sync with it, choose Remember This Sync.`,
    ]);
  });
});
