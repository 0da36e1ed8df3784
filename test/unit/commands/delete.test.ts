// r2.delete's decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { deleteCommand } from '../../../src/commands/delete';
import { headObject, isR2Error, listPage } from '../../../src/r2';
import type { R2Object } from '../../../src/r2';
import { FakeUi } from '../../support/fakeUi';
import { live, putMany, useBucket } from '../r2/helpers';
import { accountNode, folderNode, objectNode, readOnlyClient, serverAccount, testServices } from './helpers';

describe('r2.delete', () => {
  const bucket = useBucket('cmd-delete');
  const keys = async (prefix: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix, delimiter: '' }, live)).objects.map(
      (object) => object.key,
    );
  const listed = async (key: string): Promise<R2Object> =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix: key, delimiter: '' }, live)).objects[0];

  it('with nothing selected (or no object or folder) asks to select first', async () => {
    const ui = new FakeUi();
    await deleteCommand(testServices(ui, bucket.client, { selection: [accountNode(serverAccount())] }));
    ui.assertDone();
    assert.deepEqual(ui.messages(), ['Select objects or folders in the R2 view first.']);
  });

  it('names the folder and says how many objects it holds, Cancel first (Enter), and deletes none when cancelled', async () => {
    await putMany(bucket.client, bucket.name, ['keep/a', 'keep/b', 'keep/c/d']);
    let offered: string[] = [];
    const ui = new FakeUi([
      {
        pick: `Permanently delete the folder "keep/" and the 3 objects in it from ${bucket.name}?`,
        answer: (items) => {
          offered = items.map((item) => item.label);
          return items[0];
        },
      },
    ]);
    const services = testServices(ui, bucket.client);
    await deleteCommand(services, folderNode(serverAccount(), bucket.name, 'keep/'));
    ui.assertDone();
    assert.deepEqual(ui.progress, ['Counting the objects to delete…']);
    assert.deepEqual(offered, ['Cancel', '$(trash) Delete 3 objects']);
    assert.deepEqual(await keys('keep/'), ['keep/a', 'keep/b', 'keep/c/d']);
    assert.deepEqual(services.changedPlaces, []);
  });

  it('deletes exactly the keys counted, from the selection, and has their folders listed again', async () => {
    await putMany(bucket.client, bucket.name, ['go/a', 'go/b/c', 'go-sibling', 'single.txt']);
    const folder = folderNode(serverAccount(), bucket.name, 'go/');
    const single = objectNode(serverAccount(), bucket.name, await listed('single.txt'));
    const ui = new FakeUi([
      { pick: `Permanently delete 3 objects from ${bucket.name}?`, answer: '$(trash) Delete 3 objects' },
    ]);
    const services = testServices(ui, bucket.client);
    // From a tree node's menu: the clicked node and the whole selection.
    await deleteCommand(services, folder, [folder, single]);
    ui.assertDone();
    assert.deepEqual(ui.shown.at(-1), {
      level: 'info',
      message: `Deleted 3 objects from ${bucket.name}.`,
      actions: [],
    });
    assert.deepEqual(await keys('go'), ['go-sibling']);
    await assert.rejects(headObject(bucket.client, { bucket: bucket.name, key: 'single.txt' }, live), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
    assert.deepEqual(new Set(services.changedPlaces.map((place) => place.prefix)), new Set(['']));
  });

  it('names a single object, in a modal with Delete', async () => {
    await putMany(bucket.client, bucket.name, ['one/only.txt']);
    const ui = new FakeUi([
      { modal: `Permanently delete "one/only.txt" from ${bucket.name}? This cannot be undone.`, answer: 'Delete' },
    ]);
    await deleteCommand(
      testServices(ui, bucket.client),
      objectNode(serverAccount(), bucket.name, await listed('one/only.txt')),
    );
    ui.assertDone();
    assert.deepEqual(await keys('one/'), []);
  });

  it('the palette deletes the view selection; an empty folder has nothing to delete', async () => {
    const ui = new FakeUi();
    await deleteCommand(
      testServices(ui, bucket.client, { selection: [folderNode(serverAccount(), bucket.name, 'nothing-here/')] }),
    );
    ui.assertDone();
    assert.deepEqual(ui.messages(), ['There is nothing to delete: the selected folders are empty.']);
  });

  it('Cancel while counting stops before any question', async () => {
    await putMany(bucket.client, bucket.name, ['counted/a']);
    const ui = new FakeUi([{ cancelProgress: 'Counting' }]);
    await assert.rejects(
      deleteCommand(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'counted/')),
      (error) => isR2Error(error, 'Cancelled'),
    );
    ui.assertDone();
    assert.deepEqual(await keys('counted/'), ['counted/a']);
  });

  it('Cancel while deleting deletes nothing more and says nothing', async () => {
    await putMany(bucket.client, bucket.name, ['stopped/a', 'stopped/b']);
    const ui = new FakeUi([
      { pick: 'the 2 objects in it', answer: '$(trash) Delete 2 objects' },
      { cancelProgress: 'Deleting from' },
    ]);
    const services = testServices(ui, bucket.client);
    await deleteCommand(services, folderNode(serverAccount(), bucket.name, 'stopped/'));
    ui.assertDone();
    assert.equal(ui.shown.length, 0, 'nothing but the confirmation');
    assert.deepEqual(await keys('stopped/'), ['stopped/a', 'stopped/b']);
  });

  it('a read-only key: says why nothing was deleted, with Edit Account', async () => {
    await putMany(bucket.client, bucket.name, ['kept.txt']);
    const ui = new FakeUi([{ modal: 'Permanently delete "kept.txt"', answer: 'Delete' }]);
    const node = objectNode(serverAccount(), bucket.name, await listed('kept.txt'));
    await deleteCommand(testServices(ui, readOnlyClient()), node);
    ui.assertDone();
    assert.deepEqual(ui.shown.at(-1), {
      level: 'warning',
      message:
        'Deleted 0 objects; 1 could not be deleted: access denied — the key may be read-only, or limited to other buckets.',
      actions: ['Edit Account', 'Show Log'],
    });
    assert.deepEqual(await keys('kept.txt'), ['kept.txt']);
  });
});
