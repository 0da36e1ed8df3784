// r2.copyTo's decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { copyTo } from '../../../src/commands/copyTo';
import {
  createBucket,
  deleteBucket,
  deletePrefix,
  getObjectBytes,
  headObject,
  listPage,
  putObject,
} from '../../../src/r2';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { live, uniqueName, useBucket } from '../r2/helpers';
import { folderNode, serverAccount, testServices, writtenNode } from './helpers';

const HERE = '$(check) Copy here';

describe('r2.copyTo', () => {
  const source = useBucket('cmd-copy');
  const target = uniqueName('cmd-copy-target');
  before(() => createBucket(source.client, { bucket: target }, live));
  after(async () => {
    await deletePrefix(source.client, { bucket: target, prefix: '' }, live);
    await deleteBucket(source.client, target, live);
  });

  const read = async (bucket: string, key: string) =>
    (await getObjectBytes(source.client, { bucket, key, maxBytes: 1024 }, live)).bytes.toString();

  const node = (key: string, body?: string, metadata?: Record<string, string>) =>
    writtenNode(source.client, source.name, key, body, metadata);

  it('dismissing the bucket or the folder picker cancels, copying nothing', async () => {
    const doc = await node('never.txt');
    for (const steps of [
      [{ pick: 'Copy to', answer: undefined }],
      [
        { pick: 'Copy to', answer: target },
        { pick: 'Copy to', answer: undefined },
      ],
    ]) {
      const ui = new FakeUi(steps);
      await assert.rejects(copyTo(testServices(ui, source.client), doc), UserCancelled);
      ui.assertDone();
    }
    assert.deepEqual((await listPage(source.client, { bucket: target, delimiter: '' }, live)).objects, []);
  });

  it('copies the selection into the folder picked, metadata kept, and has that folder listed again', async () => {
    const a = await node('sel/a.txt', 'a', { owner: 'ops' });
    const b = await node('sel/b.txt', 'b');
    const ui = new FakeUi([
      { pick: 'Copy to', answer: target },
      { pick: 'Copy to', answer: '$(new-folder) New folder…' },
      { input: 'Name of the new folder', answer: 'copies' },
      { pick: 'Copy to', answer: HERE },
    ]);
    const services = testServices(ui, source.client);
    await copyTo(services, a, [a, b]);
    ui.assertDone();
    assert.deepEqual(ui.progress, [`Copying to ${target}/copies/`]);
    assert.deepEqual(ui.shown, [{ level: 'info', message: '2 copied.', actions: [] }]);
    assert.equal(await read(target, 'copies/b.txt'), 'b');
    assert.deepEqual((await headObject(source.client, { bucket: target, key: 'copies/a.txt' }, live)).metadata, {
      owner: 'ops',
    });
    assert.deepEqual(services.changedPlaces, [{ accountId: 'test-account', bucket: target, prefix: 'copies/' }]);
  });

  it('an existing target is asked about: Skip All keeps every one', async () => {
    await putObject(source.client, { bucket: target, key: 'c.txt', body: 'theirs' }, live);
    await putObject(source.client, { bucket: target, key: 'd.txt', body: 'theirs' }, live);
    const c = await node('c.txt', 'mine');
    const d = await node('d.txt', 'mine');
    const ui = new FakeUi([
      { pick: 'Copy to', answer: target },
      { pick: 'Copy to', answer: HERE },
      { modal: `already exists in ${target}`, answer: 'Skip All' },
    ]);
    await copyTo(testServices(ui, source.client), c, [c, d]);
    ui.assertDone();
    assert.equal(ui.shown.at(-1)?.message, '0 copied, 2 skipped.');
    assert.equal(await read(target, 'c.txt'), 'theirs');
    assert.equal(await read(target, 'd.txt'), 'theirs');
  });

  it('an object onto itself fails, says why, logged, without Retry Failed (it would fail again)', async () => {
    const self = await node('self.txt');
    const ui = new FakeUi([
      { pick: 'Copy to', answer: source.name },
      { pick: 'Copy to', answer: HERE },
    ]);
    const services = testServices(ui, source.client);
    await copyTo(services, self);
    ui.assertDone();
    assert.deepEqual(ui.shown, [
      {
        level: 'warning',
        message: '0 copied, 1 failed: "self.txt" cannot be copied onto itself.',
        actions: ['Show Log'],
      },
    ]);
    assert.match(services.fakeLog.lines.join('\n'), /self\.txt: "self\.txt" cannot be copied onto itself\./);
  });

  it("copies a folder with every key under it, under the folder's name; never into itself", async () => {
    await node('fold/a.txt', 'a');
    await node('fold/sub/b.txt', 'b');
    const folder = folderNode(serverAccount(), source.name, 'fold/');
    const ui = new FakeUi([
      { pick: 'Copy to', answer: target },
      { pick: 'Copy to', answer: HERE },
    ]);
    await copyTo(testServices(ui, source.client), folder);
    ui.assertDone();
    assert.deepEqual(ui.shown, [{ level: 'info', message: '2 copied.', actions: [] }]);
    assert.equal(await read(target, 'fold/a.txt'), 'a');
    assert.equal(await read(target, 'fold/sub/b.txt'), 'b');

    const into = new FakeUi([
      { pick: 'Copy to', answer: source.name },
      { pick: 'Copy to', answer: '$(folder) fold/' },
      { pick: 'Copy to', answer: HERE },
    ]);
    await assert.rejects(
      copyTo(testServices(into, source.client), folder),
      /The folder "fold\/" cannot be copied into itself\./,
    );
    into.assertDone();
  });
});
