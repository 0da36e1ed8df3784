// r2.changeStorageClass's decision paths, in plain Node: the prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { changeStorageClassCommand } from '../../../src/commands/changeStorageClass';
import { headObject, listPage, putObject } from '../../../src/r2';
import { FakeUi } from '../../support/fakeUi';
import { live, useBucket } from '../r2/helpers';
import { accountNode, folderNode, objectNode, serverAccount, testServices } from './helpers';

describe('r2.changeStorageClass', () => {
  const bucket = useBucket('cmd-storage-class');
  const classOf = async (key: string) =>
    (await headObject(bucket.client, { bucket: bucket.name, key }, live)).storageClass ?? 'STANDARD';
  const listed = async (key: string) =>
    (await listPage(bucket.client, { bucket: bucket.name, prefix: key, delimiter: '' }, live)).objects[0];

  before(async () => {
    for (const key of ['data/a.csv', 'data/b.csv', 'data/old/c.csv']) {
      await putObject(bucket.client, { bucket: bucket.name, key, body: '0123456789' }, live);
    }
  });

  it('with no object or folder selected asks to select first', async () => {
    const ui = new FakeUi();
    await changeStorageClassCommand(testServices(ui, bucket.client, { selection: [accountNode(serverAccount())] }));
    ui.assertDone();
    assert.deepEqual(ui.messages(), ['Select objects or folders in the R2 view first.']);
  });

  it('warns of the 30-day minimum and the retrieval fee before moving to Infrequent Access; dismissed, changes nothing', async () => {
    const ui = new FakeUi([
      { pick: 'Change Storage Class', answer: 'Infrequent Access' },
      { modal: 'Change 3 objects (30 B) to Infrequent Access?', answer: undefined },
    ]);
    await changeStorageClassCommand(testServices(ui, bucket.client), folderNode(serverAccount(), bucket.name, 'data/'));
    ui.assertDone();
    assert.deepEqual(ui.shown, [
      {
        level: 'modal',
        message:
          'Change 3 objects (30 B) to Infrequent Access? Each object is rewritten in place with its metadata: one Class A request each.\n\n' +
          'Infrequent Access bills every object for at least 30 days of storage, even if it is deleted or changed back sooner, and charges a data retrieval fee per GB on every read.',
        actions: ['Change Storage Class'],
      },
    ]);
    assert.equal(await classOf('data/a.csv'), 'STANDARD');
  });

  it('changes the selection (an object and a folder) and sums up; what already is there is counted, not rewritten', async () => {
    const object = objectNode(serverAccount(), bucket.name, await listed('data/a.csv'));
    const folder = folderNode(serverAccount(), bucket.name, 'data/old/');
    const toIa = new FakeUi([
      { pick: 'Change Storage Class', answer: 'Infrequent Access' },
      { modal: 'Change 2 objects (20 B) to Infrequent Access?', answer: 'Change Storage Class' },
    ]);
    const services = testServices(toIa, bucket.client);
    await changeStorageClassCommand(services, object, [object, folder]);
    toIa.assertDone();
    assert.deepEqual(toIa.progress, ['Listing the objects to change…', 'Changing storage class to Infrequent Access']);
    assert.deepEqual(toIa.messages('info'), ['2 changed to Infrequent Access.']);
    assert.equal(await classOf('data/a.csv'), 'STANDARD_IA');
    assert.equal(await classOf('data/old/c.csv'), 'STANDARD_IA');
    assert.equal(await classOf('data/b.csv'), 'STANDARD');

    const back = new FakeUi([
      { pick: 'Change Storage Class', answer: 'Standard' },
      { modal: 'Change 2 objects (20 B) to Standard? 1 already are.', answer: 'Change Storage Class' },
    ]);
    await changeStorageClassCommand(
      testServices(back, bucket.client),
      folderNode(serverAccount(), bucket.name, 'data/'),
    );
    back.assertDone();
    assert.match(
      back.shown[0].message,
      /data retrieval fee per GB applies, and objects stored there for less than 30 days/,
    );
    assert.equal(await classOf('data/old/c.csv'), 'STANDARD');

    const nothing = new FakeUi([{ pick: 'Change Storage Class', answer: 'Standard' }]);
    await changeStorageClassCommand(
      testServices(nothing, bucket.client),
      folderNode(serverAccount(), bucket.name, 'data/'),
    );
    nothing.assertDone();
    assert.deepEqual(nothing.messages('info'), ['All 3 selected objects already are in Standard.']);
  });
});
