// Moving a folder through the operations' entry: conditional copies, sources deleted only once
// copied, Cancel midway and a second run that finishes the rest, on the local server.
import assert from 'node:assert/strict';
import { setMaxListeners } from 'node:events';
import { answering, moveFolder, silentReporter } from '../../../src/operations';
import type { Progress } from '../../../src/operations';
import { getObjectBytes, listPage, putObject } from '../../../src/r2';
import type { R2Client } from '../../../src/r2';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import { serverAccount } from '../commands/helpers';
import { assertRequests, countRequests, live, newClient, putMany, useBucket } from '../r2/helpers';

describe('operations moveFolder', () => {
  const bucket = useBucket('op-move-folder');
  // One attempt per request, so that an injected 500 fails its item at once; its requests counted.
  const requests = new RequestCounter();
  let client: R2Client;
  before(() => {
    client = newClient({ maxAttempts: 1, onRequest: requests.onRequest });
  });
  after(() => client.destroy());
  afterEach(() => s3env().local?.clearFaults());

  const move = (prefix: string, newPrefix: string, signal = live, reporter = silentReporter, concurrency?: number) =>
    moveFolder(
      {
        clients: { get: async () => client },
        account: serverAccount(),
        bucket: bucket.name,
        prefix,
        newPrefix,
        concurrency,
      },
      signal,
      answering('skip'),
      reporter,
    );
  const keysUnder = async (prefix: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live)).objects.map(
      (object) => object.key,
    );
  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes.toString();

  it('moves every object below the folder, its marker and odd names included, nothing beside it', async () => {
    const inside = ['old/', 'old/a.txt', 'old/sub/b c+d.txt', 'old//double', 'old/ünï/日本.txt'];
    await putMany(bucket.client, bucket.name, [...inside, 'old', 'old-not/x']);
    countRequests(requests);
    const outcome = await move('old/', 'new/deeper/');
    // One listing; each object a HEAD of its destination, a conditional copy, a HEAD of its source, a delete.
    const n = inside.length;
    assertRequests(requests, { ListObjectsV2: 1, HeadObject: 2 * n, CopyObject: n, DeleteObject: n });
    assert.equal(outcome.done.length, inside.length);
    assert.deepEqual(outcome.failed, []);
    const moved = inside.map((key) => `new/deeper/${key.slice('old/'.length)}`);
    assert.deepEqual(await keysUnder('new/'), moved.sort());
    assert.deepEqual(await keysUnder('old'), ['old', 'old-not/x']);
    assert.equal(await read('new/deeper/sub/b c+d.txt'), 'old/sub/b c+d.txt');
    assert.deepEqual(
      outcome.changed.map((place) => place.prefix),
      ['', 'new/', 'new/deeper/'],
    );
  });

  it('Cancel midway leaves every object whole; running again moves the rest, and nothing twice', async () => {
    const local = s3env().local;
    assert.ok(local, 'faults need the local server');
    const keys = Array.from({ length: 10 }, (_, i) => `run/${i}.txt`);
    await putMany(bucket.client, bucket.name, keys);
    // The first object's source delete fails after its copy: the state a stop between the two leaves.
    local.inject({ type: 'error', operation: 'DeleteObject' });
    // Cancel once four objects have moved; one at a time, so that nothing else is in flight.
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    const reports: Progress[] = [];
    const cancelAfterFour = {
      report: (progress: Progress) => {
        reports.push(progress);
        if (progress.itemsDone === 4) {
          controller.abort();
        }
      },
    };
    const first = await move('run/', 'ran/', controller.signal, cancelAfterFour, 1);
    assert.equal(first.cancelled, true);
    assert.deepEqual(
      first.done.map((object) => object.key),
      keys.slice(1, 5),
    );
    assert.deepEqual(
      first.failed.map((failure) => [failure.item.key, failure.code]),
      [['run/0.txt', 'ServerError']],
    );
    assert.deepEqual(
      first.notDone.map((object) => object.key),
      keys.slice(5),
    );
    assert.deepEqual(reports[0], { itemsDone: 0, itemsTotal: 10, current: undefined });
    // No object lost: each is at its source, its destination, or (the failed one) both.
    const [sources, targets] = [await keysUnder('run/'), await keysUnder('ran/')];
    assert.deepEqual(sources, ['run/0.txt', ...keys.slice(5)]);
    assert.deepEqual(targets, ['ran/0.txt', 'ran/1.txt', 'ran/2.txt', 'ran/3.txt', 'ran/4.txt']);

    countRequests(requests);
    const second = await move('run/', 'ran/');
    // The one already copied is not copied again: its destination is looked at (HEAD twice: the
    // copy's own check, then to compare ETag and size), its source checked and deleted.
    assertRequests(requests, { ListObjectsV2: 1, HeadObject: 3 + 2 * 5, CopyObject: 5, DeleteObject: 6 });
    assert.equal(second.cancelled, false);
    assert.deepEqual(second.done.map((object) => object.key).sort(), ['run/0.txt', ...keys.slice(5)]);
    assert.deepEqual(second.skipped, []);
    assert.deepEqual(await keysUnder('run/'), []);
    assert.deepEqual(
      await keysUnder('ran/'),
      keys.map((key) => key.replace('run/', 'ran/')),
    );
    for (const key of keys) {
      assert.equal(await read(key.replace('run/', 'ran/')), key);
    }
  });

  it('a taken key holding something else is asked about; Skip keeps both objects', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'mine/a.txt', body: 'mine' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'mine/b.txt', body: 'b' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'theirs/a.txt', body: 'theirs' }, live);
    const asked: string[] = [];
    const outcome = await moveFolder(
      {
        clients: { get: async () => client },
        account: serverAccount(),
        bucket: bucket.name,
        prefix: 'mine/',
        newPrefix: 'theirs/',
      },
      live,
      { overwrite: async ({ name }) => (asked.push(name), 'skip') },
      silentReporter,
    );
    assert.deepEqual(asked, ['theirs/a.txt']);
    assert.deepEqual(
      outcome.skipped.map((object) => object.key),
      ['mine/a.txt'],
    );
    assert.equal(await read('theirs/a.txt'), 'theirs');
    assert.equal(await read('mine/a.txt'), 'mine');
    assert.equal(await read('theirs/b.txt'), 'b');
    assert.deepEqual(await keysUnder('mine/'), ['mine/a.txt']);
  });

  it('refuses to move a folder into itself, before any request', async () => {
    await putMany(bucket.client, bucket.name, ['self/a']);
    countRequests(requests);
    await assert.rejects(move('self/', 'self/inner/'), { message: 'The folder "self/" cannot be moved into itself.' });
    assertRequests(requests, {});
  });
});
