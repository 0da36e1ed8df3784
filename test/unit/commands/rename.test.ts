// r2.rename's decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { rename } from '../../../src/commands/rename';
import { getObjectBytes, headObject, isR2Error, putObject } from '../../../src/r2';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { live, useBucket } from '../r2/helpers';
import { assertQuiet, folderNode, serverAccount, testServices, writtenNode } from './helpers';

describe('r2.rename', () => {
  const bucket = useBucket('cmd-rename');
  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes.toString();
  const exists = (key: string) =>
    headObject(bucket.client, { bucket: bucket.name, key }, live).then(
      () => true,
      (error) => (isR2Error(error, 'NoSuchKey') ? false : Promise.reject(error)),
    );

  const node = (key: string, body?: string) => writtenNode(bucket.client, bucket.name, key, body);

  it('acts on objects and folders only: a bucket asks nothing', async () => {
    await assertQuiet(bucket.client, (services) => rename(services, folderNode(serverAccount(), bucket.name)));
  });

  it('a folder: offers its path with the name selected, moves everything under it, and sums up', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'site/old/', body: '' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'site/old/index.html', body: 'index' }, live);
    await putObject(bucket.client, { bucket: bucket.name, key: 'site/old/css/a.css', body: 'css' }, live);
    const ui = new FakeUi([
      { input: 'Rename or Move site/old/', answer: 'site/old/inside' },
      { input: 'Rename or Move site/old/', answer: 'archive/new' },
    ]);
    const services = testServices(ui, bucket.client);
    const folder = folderNode(serverAccount(), bucket.name, 'site/old/');
    await assert.rejects(rename(services, folder), UserCancelled);
    assert.deepEqual(ui.refused, ['The folder "site/old/" cannot be moved into itself.']);
    await rename(services, folder);
    ui.assertDone();
    assert.equal(ui.inputs[1].value, 'site/old');
    assert.deepEqual(ui.inputs[1].valueSelection, ['site/'.length, 'site/old'.length]);
    assert.deepEqual(ui.progress, ['Moving site/old/ to archive/new/']);
    assert.deepEqual(ui.messages('info'), ['3 moved.']);
    assert.equal(await read('archive/new/css/a.css'), 'css');
    assert.equal(await exists('archive/new/'), true);
    assert.equal(await exists('site/old/index.html'), false);
    assert.deepEqual(
      services.changedPlaces.map((place) => place.prefix),
      ['site/', 'archive/', 'archive/new/'],
    );
  });

  it('offers the key with the name selected; dismissing it, or keeping the key, changes nothing', async () => {
    const doc = await node('docs/report.txt');
    const dismissed = new FakeUi([{ input: 'Rename or Move docs/report.txt', answer: undefined }]);
    await assert.rejects(rename(testServices(dismissed, bucket.client), doc), UserCancelled);
    dismissed.assertDone();
    assert.equal(dismissed.inputs[0].value, 'docs/report.txt');
    assert.deepEqual(dismissed.inputs[0].valueSelection, ['docs/'.length, 'docs/report'.length]);

    const same = new FakeUi([{ input: 'Rename or Move', answer: 'docs/report.txt' }]);
    const services = testServices(same, bucket.client);
    await rename(services, doc);
    same.assertDone();
    assert.deepEqual(services.changedPlaces, []);
    assert.equal(await exists('docs/report.txt'), true);
  });

  it('refuses an empty key in the box itself', async () => {
    const doc = await node('empty-name.txt');
    const ui = new FakeUi([{ input: 'Rename or Move', answer: '' }]);
    await assert.rejects(rename(testServices(ui, bucket.client), doc), UserCancelled);
    assert.deepEqual(ui.refused, ['A key is 1 to 1024 bytes of UTF-8.']);
  });

  it('moves to a free key, and has both folders listed again', async () => {
    const doc = await node('from/moved.txt', 'content');
    const ui = new FakeUi([{ input: 'Rename or Move', answer: 'to/moved.txt' }]);
    const services = testServices(ui, bucket.client);
    await rename(services, doc);
    ui.assertDone();
    assert.deepEqual(ui.shown, []);
    assert.equal(await read('to/moved.txt'), 'content');
    assert.equal(await exists('from/moved.txt'), false);
    assert.deepEqual(
      services.changedPlaces.map((place) => place.prefix),
      ['from/', 'to/'],
    );
  });

  it('a taken key is asked about, with Overwrite only: dismissing keeps both, Overwrite replaces it', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'taken.txt', body: 'theirs' }, live);
    const doc = await node('mine.txt', 'mine');
    const kept = new FakeUi([
      { input: 'Rename or Move', answer: 'taken.txt' },
      { modal: `"taken.txt" already exists in ${bucket.name}`, answer: undefined },
    ]);
    await rename(testServices(kept, bucket.client), doc);
    kept.assertDone();
    assert.deepEqual(kept.shown[0].actions, ['Overwrite']);
    assert.equal(await read('taken.txt'), 'theirs');
    assert.equal(await exists('mine.txt'), true);

    const replaced = new FakeUi([
      { input: 'Rename or Move', answer: 'taken.txt' },
      { modal: 'already exists', answer: 'Overwrite' },
    ]);
    await rename(testServices(replaced, bucket.client), doc);
    replaced.assertDone();
    assert.equal(await read('taken.txt'), 'mine');
    assert.equal(await exists('mine.txt'), false);
  });
});
