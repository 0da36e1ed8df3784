// The operations through their public entry, as a sync or an agent tool would call them: no
// screen, an Asker that answers by rule, a Reporter that records.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Account } from '../../../src/accounts/account';
import {
  answering,
  copyObjects,
  deletePlanned,
  downloadTo,
  ObjectChanges,
  planDeletion,
  planObjects,
  silentReporter,
  uploadPaths,
} from '../../../src/operations';
import type { Progress } from '../../../src/operations';
import { getObjectBytes, listPage, putObject } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { live, putMany, useBucket, useTempDir } from '../r2/helpers';

describe('operations', () => {
  const bucket = useBucket('operations');
  const otherBucket = useBucket('operations-to');
  const temp = useTempDir();
  const account = (): Account => ({
    id: 'acct',
    name: 'Test',
    jurisdiction: 'default',
    endpoint: s3env().endpoint,
    accessKeyId: s3env().credentials.accessKeyId,
  });
  const clients = () => ({ get: async () => bucket.client });
  const recorder = () => {
    const reports: Progress[] = [];
    return { reports, report: (progress: Progress) => reports.push(progress) };
  };
  const keys = async (prefix: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live)).objects.map(
      (object) => object.key,
    );

  it('uploadPaths: reports items and bytes from the first to the last, and says where the listing changed', async () => {
    await mkdir(join(temp.path, 'up'), { recursive: true });
    await writeFile(join(temp.path, 'up', 'a.txt'), 'aaaa');
    await writeFile(join(temp.path, 'up', 'b.txt'), 'bb');
    const reporter = recorder();
    const destination = { account: account(), bucket: bucket.name, prefix: 'in/' };
    const outcome = await uploadPaths(
      { clients: clients(), destination, paths: [join(temp.path, 'up'), join(temp.path, 'missing')], concurrency: 2 },
      live,
      answering('skip'),
      reporter,
    );
    assert.deepEqual(outcome.done.map((file) => file.relativeKey).sort(), ['up/a.txt', 'up/b.txt']);
    assert.deepEqual(
      outcome.refused.map((refusal) => refusal.name),
      [join(temp.path, 'missing')],
    );
    assert.deepEqual(outcome.changed, [{ accountId: 'acct', bucket: bucket.name, prefix: 'in/' }]);
    assert.deepEqual(reporter.reports[0], {
      itemsDone: 0,
      itemsTotal: 2,
      bytesDone: 0,
      bytesTotal: 6,
      current: undefined,
    });
    assert.deepEqual(
      { ...reporter.reports.at(-1), current: undefined },
      { itemsDone: 2, itemsTotal: 2, bytesDone: 6, bytesTotal: 6, current: undefined },
    );
  });

  it('uploadPaths: an asker answering Skip keeps what is there, with nobody asked', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'kept.txt', body: 'theirs' }, live);
    await writeFile(join(temp.path, 'kept.txt'), 'mine');
    const asked: string[] = [];
    const asker = { overwrite: async ({ name }: { name: string }) => (asked.push(name), 'skip' as const) };
    const destination = { account: account(), bucket: bucket.name, prefix: '' };
    const outcome = await uploadPaths(
      { clients: clients(), destination, paths: [join(temp.path, 'kept.txt')], concurrency: 1 },
      live,
      asker,
      silentReporter,
    );
    assert.equal(outcome.skipped.length, 1);
    assert.deepEqual(asked, ['kept.txt']);
  });

  it('downloadTo: refuses a key that is no safe file name, and a retried object goes back under its folder', async () => {
    await putMany(bucket.client, bucket.name, ['down/ok.txt', 'down/sub/deep.txt', 'down/bad:name']);
    const folder = join(temp.path, 'downloads');
    await mkdir(folder);
    const outcome = await downloadTo(
      {
        clients: clients(),
        folder,
        sources: [{ kind: 'folder', account: account(), bucket: bucket.name, prefix: 'down/' }],
      },
      live,
      answering('overwrite'),
      silentReporter,
    );
    assert.deepEqual(outcome.done.map((item) => item.relativePath).sort(), ['down/ok.txt', 'down/sub/deep.txt']);
    assert.deepEqual(
      outcome.refused.map((refusal) => refusal.name),
      [`${bucket.name}/down/bad:name`],
    );
    // What Retry Failed passes back: the items, each as an object with the path it was planned at.
    const deep = outcome.done.find((item) => item.key === 'down/sub/deep.txt')!;
    const again = await downloadTo(
      { clients: clients(), folder, sources: [{ kind: 'object', ...deep }] },
      live,
      answering('overwrite'),
      silentReporter,
    );
    assert.deepEqual(
      again.done.map((item) => item.path),
      [join(folder, 'down', 'sub', 'deep.txt')],
    );
    assert.equal(await readFile(join(folder, 'down', 'sub', 'deep.txt'), 'utf8'), 'down/sub/deep.txt');
  });

  it('planDeletion counts exactly the keys; deletePlanned deletes those, reporting each request', async () => {
    await putMany(bucket.client, bucket.name, ['del/a', 'del/b/c']);
    const plan = await planDeletion(
      clients(),
      [{ kind: 'folder', account: account(), bucket: bucket.name, prefix: 'del/' }],
      live,
    );
    assert.deepEqual({ total: plan.total, where: plan.where }, { total: 2, where: bucket.name });
    // Written after the count: not deleted unseen.
    await putObject(bucket.client, { bucket: bucket.name, key: 'del/late', body: 'late' }, live);
    const reporter = recorder();
    const outcome = await deletePlanned(clients(), plan, live, reporter);
    assert.deepEqual(
      outcome.done.map((object) => object.key),
      ['del/a', 'del/b/c'],
    );
    assert.deepEqual(await keys('del/'), ['del/late']);
    assert.deepEqual(
      reporter.reports.map((progress) => progress.itemsDone),
      [0, 2],
    );
    assert.deepEqual(outcome.changed, [{ accountId: 'acct', bucket: bucket.name, prefix: '' }]);
    assert.deepEqual(
      planObjects([{ account: account(), bucket: 'other', key: 'x/y' }]).buckets.map(
        ({ bucket: name, keys: list }) => ({ name, list }),
      ),
      [{ name: 'other', list: ['x/y'] }],
    );
  });

  it('copyObjects with moveSources: deletes each source once copied, and keeps one changed between copy and delete', async () => {
    const put = (key: string, body: string) => putObject(bucket.client, { bucket: bucket.name, key, body }, live);
    const objects = [];
    for (const key of ['mv/a.txt', 'mv/b.txt']) {
      const { etag } = await put(key, key);
      objects.push({ account: account(), bucket: bucket.name, key, etag });
    }
    // Someone else writes b.txt as the first delete arrives: after its copy, or before it.
    s3env().local!.inject({
      type: 'write',
      operation: 'DeleteObject',
      bucket: bucket.name,
      key: 'mv/b.txt',
      body: 'new',
    });
    const destination = { account: account(), bucket: otherBucket.name, prefix: 'in/' };
    const outcome = await copyObjects(
      { clients: clients(), objects, destination, moveSources: true },
      live,
      answering('skip'),
      silentReporter,
    );
    assert.deepEqual(
      outcome.done.map((object) => object.key),
      ['mv/a.txt'],
    );
    assert.deepEqual(
      outcome.failed.map((failure) => [failure.item.key, failure.code]),
      [['mv/b.txt', 'SourceChanged']],
    );
    assert.deepEqual(await keys('mv/'), ['mv/b.txt']);
    const kept = await getObjectBytes(bucket.client, { bucket: bucket.name, key: 'mv/b.txt', maxBytes: 10 }, live);
    assert.equal(kept.bytes.toString(), 'new');
    const there = await listPage(otherBucket.client, { bucket: otherBucket.name, prefix: 'in/', delimiter: '' }, live);
    assert.ok(there.objects.some((object) => object.key === 'in/a.txt'));
    assert.deepEqual(
      outcome.changed.map((place) => `${place.bucket}/${place.prefix}`).sort(),
      [`${bucket.name}/mv/`, `${otherBucket.name}/in/`].sort(),
    );
  });

  it('ObjectChanges: tells its listeners of places, not of nothing, and stops when disposed', () => {
    const changes = new ObjectChanges();
    const heard: unknown[] = [];
    const subscription = changes.onDidChange((places) => heard.push(places));
    changes.fire([]);
    changes.fire([{ accountId: 'a', bucket: 'b', prefix: '' }]);
    subscription.dispose();
    changes.fire([{ accountId: 'a' }]);
    assert.deepEqual(heard, [[{ accountId: 'a', bucket: 'b', prefix: '' }]]);
  });
});
