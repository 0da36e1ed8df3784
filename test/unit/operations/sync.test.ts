// Folder sync through the operations' public entry, as a command or a bench calls it: plans made
// against the local server (real HTTP), their entries and the requests they cost, then applied.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { answering, applyPlan, planDownload, planUpload, silentReporter } from '../../../src/operations';
import type { OverwriteQuestion, SyncOptions, SyncPlan } from '../../../src/operations';
import { deleteObject, fileMd5, getObjectBytes, headObject, listPage, putObject, uploadFile } from '../../../src/r2';
import { assertRequests, countRequests, live, putMany, useBucket, useTempDir, writeRandomFile } from '../r2/helpers';
import { serverAccount } from '../commands/helpers';

const DEFAULT_EXCLUDE = ['**/.git/**', '**/.DS_Store', '**/node_modules/**'];

describe('operations: sync', () => {
  const bucket = useBucket('sync');
  const temp = useTempDir();
  const input = (localFolder: string, prefix: string, options: Partial<SyncOptions> = {}) => ({
    clients: { get: async () => bucket.client },
    account: serverAccount(),
    bucket: bucket.name,
    prefix,
    localFolder,
    options: { deleteExtra: false, useGitignore: false, exclude: DEFAULT_EXCLUDE, ...options },
  });
  const files = async (root: string, contents: Record<string, string>) => {
    for (const [path, text] of Object.entries(contents)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  };
  const summary = (plan: SyncPlan) =>
    plan.entries.map(({ relativePath, action, rule }) => `${relativePath} ${action} ${rule}`);
  const keys = async (prefix: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live)).objects.map((o) => o.key);
  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1 << 20 }, live)).bytes.toString();
  /** An asker that records the names asked about and answers each in turn. */
  const scripted = (...answers: Array<'overwrite' | 'skip'>) => {
    const asked: string[] = [];
    return {
      asked,
      overwrite: async (question: OverwriteQuestion) => {
        asked.push(question.name);
        const next = answers.shift();
        assert.ok(next, `no answer left for ${question.name}`);
        return next;
      },
    };
  };

  it('upload: plans new files and extra keys, leaves out the excluded and the .gitignored, in one listing', async () => {
    const root = join(temp.path, 'site');
    await files(root, {
      'index.html': '<h1>hi</h1>',
      'assets/app.1234.js': 'js',
      '.gitignore': 'build/\n*.log\n!keep.log\n',
      'build/out.js': 'built',
      'debug.log': 'noise',
      'keep.log': 'kept',
      'sub/.gitignore': 'secret.txt\n',
      'sub/secret.txt': 'hidden',
      'sub/open.txt': 'open',
      '.git/config': 'git',
      'node_modules/x/index.js': 'module',
      'photos/.DS_Store': 'mac',
    });
    await putObject(bucket.client, { bucket: bucket.name, key: 'site/old.txt', body: 'old' }, live);
    // Excluded on R2 too: never an extra to delete.
    await putObject(bucket.client, { bucket: bucket.name, key: 'site/build/stale.js', body: 'stale' }, live);
    countRequests(bucket.requests);
    const plan = await planUpload(input(root, 'site/', { useGitignore: true, deleteExtra: true }), live);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.deepEqual(summary(plan), [
      '.gitignore new missing',
      'assets/app.1234.js new missing',
      'index.html new missing',
      'keep.log new missing',
      'old.txt extra onlyAtTarget',
      'sub/.gitignore new missing',
      'sub/open.txt new missing',
    ]);
    assert.equal(plan.listRequests, 1);

    countRequests(bucket.requests);
    const outcome = await applyPlan(
      {
        ...plan,
        options: { ...plan.options, cacheControl: { 'index.html': 'no-cache', 'assets/**': 'max-age=31536000' } },
      },
      live,
      answering('cancel'),
      silentReporter,
    );
    assertRequests(bucket.requests, { PutObject: 6, DeleteObjects: 1 });
    assert.equal(outcome.done.length, 7);
    assert.deepEqual(await keys('site/'), [
      'site/.gitignore',
      'site/assets/app.1234.js',
      'site/build/stale.js',
      'site/index.html',
      'site/keep.log',
      'site/sub/.gitignore',
      'site/sub/open.txt',
    ]);
    const index = await headObject(bucket.client, { bucket: bucket.name, key: 'site/index.html' }, live);
    assert.equal(index.contentType, 'text/html; charset=utf-8');
    assert.equal(index.cacheControl, 'no-cache');
    assert.equal(
      (await headObject(bucket.client, { bucket: bucket.name, key: 'site/assets/app.1234.js' }, live)).cacheControl,
      'max-age=31536000',
    );
    assert.match(index.metadata['r2e-md5'], /^[0-9a-f]{32}$/);

    // Nothing changed: the second sync sends only the listing, and applying it sends nothing.
    countRequests(bucket.requests);
    const again = await planUpload(input(root, 'site/', { useGitignore: true, deleteExtra: true }), live);
    assert.ok(again.entries.every((entry) => entry.action === 'unchanged' && entry.rule === 'md5Etag'));
    const nothing = await applyPlan(again, live, answering('cancel'), silentReporter);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.equal(nothing.done.length, 0);
  });

  it('upload: a missing source folder is an error, and an unreadable path never makes its keys extra', async () => {
    await putMany(bucket.client, bucket.name, ['guard/kept.txt', 'guard/linked.txt']);
    await assert.rejects(
      planUpload(input(join(temp.path, 'no-such-folder'), 'guard/', { deleteExtra: true }), live),
      /is not a folder/,
    );
    const root = join(temp.path, 'guard');
    await files(root, { 'kept.txt': 'guard/kept.txt' });
    // A broken link: the file is there but cannot be read, so its key is not deleted.
    await symlink(join(root, 'missing-target'), join(root, 'linked.txt'));
    const plan = await planUpload(input(root, 'guard/', { deleteExtra: true }), live);
    assert.deepEqual(summary(plan), ['kept.txt unchanged md5Etag']);
    assert.deepEqual(
      plan.refused.map((refusal) => refusal.name),
      [join(root, 'linked.txt')],
    );
  });

  it('upload: a file of the same size with other bytes differs by MD5, another size by size', async () => {
    const root = join(temp.path, 'changes');
    await files(root, { 'same.txt': 'aaaa', 'longer.txt': 'x', 'kept.txt': 'k' });
    await applyPlan(await planUpload(input(root, 'changes/'), live), live, answering('cancel'), silentReporter);
    await files(root, { 'same.txt': 'bbbb', 'longer.txt': 'xyz' });
    const plan = await planUpload(input(root, 'changes/'), live);
    assert.deepEqual(summary(plan), [
      'kept.txt unchanged md5Etag',
      'longer.txt changed sizeDiffers',
      'same.txt changed contentDiffers',
    ]);
    countRequests(bucket.requests);
    const outcome = await applyPlan(plan, live, answering('cancel'), silentReporter);
    assertRequests(bucket.requests, { PutObject: 2 });
    assert.equal(outcome.done.length, 2);
    assert.equal(await read('changes/same.txt'), 'bbbb');
  });

  it('upload: a multipart object is compared by times, then by the MD5 stored in its metadata (one HEAD)', async function () {
    this.timeout(20_000);
    const root = join(temp.path, 'big');
    await mkdir(root, { recursive: true });
    const path = join(root, 'big.bin');
    await writeRandomFile(path, 6 * 1024 * 1024);
    // As a sync upload stores it, in parts (a sync sends files this size in one PUT by default).
    const first = await planUpload(input(root, 'big/'), live);
    await uploadFile(
      bucket.client,
      {
        bucket: bucket.name,
        key: 'big/big.bin',
        filePath: path,
        multipartThreshold: 5 * 1024 * 1024,
        partSize: 5 * 1024 * 1024,
        metadata: { 'r2e-md5': await fileMd5(path, live), 'r2e-mtime': '1' },
      },
      live,
    );
    assert.equal(first.entries[0].action, 'new');
    countRequests(bucket.requests);
    const plan = await planUpload(input(root, 'big/'), live);
    assert.deepEqual(summary(plan), ['big.bin unchanged notModifiedSince']);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    // Touched after the upload, bytes unchanged: the stored MD5 tells, for one HEAD.
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    countRequests(bucket.requests);
    assert.deepEqual(summary(await planUpload(input(root, 'big/'), live)), ['big.bin unchanged md5Metadata']);
    assertRequests(bucket.requests, { ListObjectsV2: 1, HeadObject: 1 });
  });

  it('upload: a key written on R2 after the plan is not overwritten without asking, new or changed', async () => {
    const root = join(temp.path, 'race');
    await files(root, { 'a.txt': 'mine a', 'b.txt': 'mine b' });
    await putObject(bucket.client, { bucket: bucket.name, key: 'race/a.txt', body: 'old a' }, live);
    const plan = await planUpload(input(root, 'race/'), live);
    assert.deepEqual(summary(plan), ['a.txt changed sizeDiffers', 'b.txt new missing']);
    // Another client, between the plan and its apply.
    await putObject(bucket.client, { bucket: bucket.name, key: 'race/a.txt', body: 'theirs a' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'race/b.txt', body: 'theirs b' }, live);
    const asker = scripted('skip', 'skip');
    const outcome = await applyPlan(
      { ...plan, options: { ...plan.options, concurrency: 1 } },
      live,
      asker,
      silentReporter,
    );
    assert.deepEqual(asker.asked.sort(), ['race/a.txt', 'race/b.txt']);
    assert.equal(outcome.skipped.length, 2);
    assert.equal(await read('race/a.txt'), 'theirs a');
    assert.equal(await read('race/b.txt'), 'theirs b');
  });

  it('upload: a key deleted on R2 after the plan is written again, with nobody asked', async () => {
    const root = join(temp.path, 'gone');
    await files(root, { 'a.txt': 'mine a' });
    await putObject(bucket.client, { bucket: bucket.name, key: 'gone/a.txt', body: 'old' }, live);
    const plan = await planUpload(input(root, 'gone/'), live);
    assert.deepEqual(summary(plan), ['a.txt changed sizeDiffers']);
    await deleteObject(bucket.client, { bucket: bucket.name, key: 'gone/a.txt' }, live);
    const outcome = await applyPlan(plan, live, answering('cancel'), silentReporter);
    assert.equal(outcome.done.length, 1);
    assert.equal(await read('gone/a.txt'), 'mine a');
  });

  it('upload: Cancel midway leaves whole objects, and running it again finishes the rest', async () => {
    const root = join(temp.path, 'cancel');
    await files(root, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, `file ${i}`])));
    const controller = new AbortController();
    const plan = await planUpload(input(root, 'cancel/', { concurrency: 1 }), live);
    const outcome = await applyPlan(plan, controller.signal, answering('cancel'), {
      report: ({ itemsDone }) => {
        if (itemsDone === 2) {
          controller.abort();
        }
      },
    });
    assert.ok(outcome.cancelled);
    assert.equal(outcome.done.length, 2);
    assert.equal(outcome.notDone.length, 4);
    for (const key of await keys('cancel/')) {
      assert.equal(await read(key), `file ${key.slice('cancel/f'.length, -'.txt'.length)}`);
    }
    const rest = await planUpload(input(root, 'cancel/'), live);
    assert.equal(rest.entries.filter((entry) => entry.action === 'new').length, 4);
    const finished = await applyPlan(rest, live, answering('cancel'), silentReporter);
    assert.equal(finished.done.length, 4);
    assert.equal((await keys('cancel/')).length, 6);
  });

  it('download: a listing of 1001 keys costs at most 3 requests, the count the plan gives', async function () {
    this.timeout(60_000);
    await putMany(
      bucket.client,
      bucket.name,
      Array.from({ length: 1001 }, (_, i) => `many/${String(i).padStart(4, '0')}`),
    );
    countRequests(bucket.requests);
    const plan = await planDownload(input(join(temp.path, 'many'), 'many/'), live);
    // The first page, the range its keys guessed, and the open end after it (see listWhole).
    assert.ok(plan.listRequests <= 3, `${plan.listRequests} requests`);
    assertRequests(bucket.requests, { ListObjectsV2: plan.listRequests });
    assert.equal(plan.entries.filter((entry) => entry.action === 'new').length, 1001);
  });

  it('download: writes the bucket folder, then sends only the listing; deletes extra files only when chosen', async () => {
    await putMany(bucket.client, bucket.name, ['down/a.txt', 'down/n/deep.txt', 'down/.git/HEAD', 'down/bad:name']);
    const root = join(temp.path, 'down');
    await files(root, { 'local-only.txt': 'mine' });
    const plan = await planDownload(input(root, 'down/'), live);
    assert.deepEqual(summary(plan), [
      'a.txt new missing',
      'local-only.txt extra onlyAtTarget',
      'n/deep.txt new missing',
    ]);
    assert.deepEqual(
      plan.refused.map((refusal) => refusal.name),
      [`${bucket.name}/down/bad:name`],
    );
    const outcome = await applyPlan(plan, live, answering('cancel'), silentReporter);
    assert.equal(outcome.done.length, 2, 'deletion off: the extra file stays');
    assert.equal(await readFile(join(root, 'local-only.txt'), 'utf8'), 'mine');
    assert.equal(await readFile(join(root, 'n', 'deep.txt'), 'utf8'), 'down/n/deep.txt');

    countRequests(bucket.requests);
    const again = await planDownload(input(root, 'down/', { deleteExtra: true }), live);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.deepEqual(summary(again), [
      'a.txt unchanged md5Etag',
      'local-only.txt extra onlyAtTarget',
      'n/deep.txt unchanged md5Etag',
    ]);
    const deleted = await applyPlan(again, live, answering('cancel'), silentReporter);
    assertRequests(bucket.requests, { ListObjectsV2: 1 });
    assert.deepEqual(
      deleted.done.map((entry) => entry.relativePath),
      ['local-only.txt'],
    );
    await assert.rejects(readFile(join(root, 'local-only.txt')));
  });

  it('download: a local file written after the plan is replaced only when the asker says so', async () => {
    await putMany(bucket.client, bucket.name, ['dl/x.txt', 'dl/y.txt']);
    const root = join(temp.path, 'dl');
    await files(root, { 'x.txt': 'old' });
    const plan = await planDownload(input(root, 'dl/'), live);
    assert.deepEqual(summary(plan), ['x.txt changed sizeDiffers', 'y.txt new missing']);
    await files(root, { 'x.txt': 'edited meanwhile', 'y.txt': 'created meanwhile' });
    const asker = scripted('skip', 'overwrite');
    const outcome = await applyPlan(
      { ...plan, options: { ...plan.options, concurrency: 1 } },
      live,
      asker,
      silentReporter,
    );
    assert.deepEqual(asker.asked, ['x.txt', 'y.txt']);
    assert.equal(await readFile(join(root, 'x.txt'), 'utf8'), 'edited meanwhile');
    assert.equal(await readFile(join(root, 'y.txt'), 'utf8'), 'dl/y.txt');
    assert.deepEqual({ done: outcome.done.length, skipped: outcome.skipped.length }, { done: 1, skipped: 1 });
    await rm(root, { recursive: true });
  });
});
