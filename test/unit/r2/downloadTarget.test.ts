// A download writes inside the folder the user chose and nowhere else: never through a symbolic
// link below it (a cloned repository can hold one), never with a name the disk cannot hold.
import assert from 'node:assert/strict';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFile, putObject } from '../../../src/r2';
import { assertRequests, countRequests, expectR2Error, live, useBucket, useTempDir } from './helpers';

const BODY = 'the object body';

describe('r2 downloads stay inside the chosen folder', () => {
  const bucket = useBucket('r2-dl-target');
  const temp = useTempDir();
  const key = 'target/readme.txt';

  before(async () => {
    await putObject(bucket.client, { bucket: bucket.name, key, body: BODY }, live);
  });

  /** A chosen folder and, beside it, a folder outside it, both empty. */
  async function folders(name: string): Promise<{ root: string; outside: string }> {
    const root = join(temp.path, name, 'chosen');
    const outside = join(temp.path, name, 'outside');
    await mkdir(root, { recursive: true });
    await mkdir(outside);
    return { root, outside };
  }

  it('refuses to write through a folder below the chosen one that is a symbolic link, writing nothing outside', async () => {
    const { root, outside } = await folders('through-link');
    await symlink(outside, join(root, 'linked'), 'dir');
    await symlink(join(temp.path, 'through-link', 'absent'), join(root, 'dangling'), 'dir');
    for (const filePath of [
      join(root, 'linked', 'readme.txt'),
      join(root, 'linked', 'new', 'readme.txt'),
      join(root, 'dangling', 'readme.txt'),
    ]) {
      const error = await expectR2Error(
        downloadFile(bucket.client, { bucket: bucket.name, key, filePath, root }, live),
        'LocalPathRefused',
      );
      assert.match(error.message, /"target\/readme\.txt"/);
      assert.match(error.message, /symbolic link/);
    }
    assert.deepEqual(await readdir(outside), []);
    assert.deepEqual(await readdir(join(temp.path, 'through-link')), ['chosen', 'outside']);
  });

  it('refuses a symbolic link as the file name, leaving the link and what it points to as they were', async () => {
    const { root, outside } = await folders('link-name');
    const victim = join(outside, 'victim.txt');
    await writeFile(victim, 'keep me');
    await symlink(victim, join(root, 'readme.txt'));
    await symlink(join(outside, 'absent.txt'), join(root, 'dangling.txt'));
    for (const name of ['readme.txt', 'dangling.txt']) {
      const error = await expectR2Error(
        downloadFile(bucket.client, { bucket: bucket.name, key, filePath: join(root, name), root }, live),
        'LocalPathRefused',
      );
      assert.match(error.message, /"target\/readme\.txt"/);
      assert.ok((await lstat(join(root, name))).isSymbolicLink(), `${name} is still a link`);
    }
    assert.equal(await readlink(join(root, 'readme.txt')), victim);
    assert.equal(await readFile(victim, 'utf8'), 'keep me');
    assert.deepEqual(await readdir(outside), ['victim.txt']);
    assert.deepEqual((await readdir(root)).sort(), ['dangling.txt', 'readme.txt']);
  });

  it('creates the folders missing below the chosen folder, which may itself be reached through a link', async () => {
    const { root, outside } = await folders('nested');
    // The chosen folder is a link (as /tmp is on macOS): links above it are the user's choice.
    const chosenLink = join(temp.path, 'nested', 'chosen-link');
    await symlink(root, chosenLink, 'dir');
    await downloadFile(
      bucket.client,
      { bucket: bucket.name, key, filePath: join(chosenLink, 'a', 'b', 'readme.txt'), root: chosenLink },
      live,
    );
    assert.equal(await readFile(join(root, 'a', 'b', 'readme.txt'), 'utf8'), BODY);
    assert.deepEqual(await readdir(join(root, 'a', 'b')), ['readme.txt']);
    assert.deepEqual(await readdir(outside), []);
  });

  it('downloads a file whose name is exactly 255 bytes, the most a file name may have', async () => {
    const { root } = await folders('long-ok');
    for (const name of [`${'n'.repeat(251)}.txt`, '日'.repeat(85)]) {
      assert.equal(Buffer.byteLength(name), 255);
      const longKey = `long/${name}`;
      await putObject(bucket.client, { bucket: bucket.name, key: longKey, body: BODY }, live);
      await downloadFile(bucket.client, { bucket: bucket.name, key: longKey, filePath: join(root, name), root }, live);
      assert.equal(await readFile(join(root, name), 'utf8'), BODY);
    }
    assert.equal((await readdir(root)).length, 2, 'no temporary file is left');
  });

  it('refuses a file name longer than 255 bytes before any request, with a message naming the key', async () => {
    const { root } = await folders('long-refused');
    const name = `${'n'.repeat(252)}.txt`;
    await putObject(bucket.client, { bucket: bucket.name, key: `long/${name}`, body: BODY }, live);
    countRequests(bucket.requests);
    const error = await expectR2Error(
      downloadFile(bucket.client, { bucket: bucket.name, key: `long/${name}`, filePath: join(root, name), root }, live),
      'LocalPathRefused',
    );
    assert.match(error.message, /256 bytes/);
    assert.ok(error.message.includes(`"long/${name}"`), error.message);
    const inFolder = await expectR2Error(
      downloadFile(bucket.client, { bucket: bucket.name, key, filePath: join(root, name, 'readme.txt'), root }, live),
      'LocalPathRefused',
    );
    assert.match(inFolder.message, /"target\/readme\.txt" was not downloaded: its folder name is 256 bytes long/);
    assertRequests(bucket.requests, {});
    assert.deepEqual(await readdir(root), []);
  });
});
