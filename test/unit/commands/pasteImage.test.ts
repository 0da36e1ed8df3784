// r2.pasteImage's decision paths, in plain Node: the pad and prompts scripted (FakeUi), R2 the test server.
import assert from 'node:assert/strict';
import { pasteImage } from '../../../src/commands/pasteImage';
import { getObjectBytes, headObject, putObject } from '../../../src/r2';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { live, useBucket } from '../r2/helpers';
import { folderNode, serverAccount, testServices } from './helpers';

// A 1×1 PNG, as a browser's clipboard holds a screenshot.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('r2.pasteImage', () => {
  const bucket = useBucket('cmd-paste-image');
  const object = async (key: string) => ({
    bytes: (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 1024 }, live)).bytes,
    contentType: (await headObject(bucket.client, { bucket: bucket.name, key }, live)).contentType,
  });

  it('names the image from r2.pasteImage.nameTemplate, the name selected without .png, and uploads it as image/png whatever its name', async () => {
    const where = `${bucket.name}/shots/`;
    const ui = new FakeUi([
      { pad: `Paste Image to ${where}`, answer: { bytes: new Uint8Array(PNG), name: 'image.png' } },
      { input: `Name of the image in ${where}`, answer: 'shot-chosen' },
    ]);
    const settings = { 'pasteImage.nameTemplate': 'shot-${fileName}' };
    const services = testServices(ui, bucket.client, { settings });
    await pasteImage(services, folderNode(serverAccount(), bucket.name, 'shots/'));
    ui.assertDone();
    assert.equal(ui.inputs[0].value, 'shot-image.png');
    assert.deepEqual(ui.inputs[0].valueSelection, [0, 'shot-image'.length]);
    assert.deepEqual(await object('shots/shot-chosen'), { bytes: PNG, contentType: 'image/png' });
    assert.deepEqual(ui.shown, [
      { level: 'info', message: `Uploaded shot-chosen to ${where}`, actions: ['Copy URL', 'Reveal in R2'] },
    ]);
    assert.deepEqual(services.changedPlaces, [{ accountId: 'test-account', bucket: bucket.name, prefix: 'shots/' }]);
  });

  it('closing the pad, or dismissing the name, uploads nothing; a name with "/" is refused', async () => {
    const node = folderNode(serverAccount(), bucket.name, 'none/');
    const closed = new FakeUi([{ pad: 'Paste Image', answer: undefined }]);
    await assert.rejects(pasteImage(testServices(closed, bucket.client), node), UserCancelled);
    closed.assertDone();
    const refused = new FakeUi([
      { pad: 'Paste Image', answer: { bytes: new Uint8Array(PNG), name: '' } },
      { input: 'Name of the image', answer: 'a/b.png' },
    ]);
    await assert.rejects(pasteImage(testServices(refused, bucket.client), node), UserCancelled);
    refused.assertDone();
    assert.match(refused.inputs[0].value ?? '', /^image-\d{4}-\d\d-\d\d-\d{6}\.png$/);
    assert.deepEqual(refused.refused, ['Enter a name without "/": the image goes into the folder chosen.']);
    assert.deepEqual(refused.progress, []);
  });

  it('a name that is taken is replaced only when the user chooses Overwrite', async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'taken.png', body: 'old' }, live);
    const node = folderNode(serverAccount(), bucket.name);
    const paste = () => ({ pad: 'Paste Image', answer: { bytes: new Uint8Array(PNG), name: 'x.png' } });
    const keep = new FakeUi([
      paste(),
      { input: 'Name', answer: 'taken.png' },
      { modal: 'already exists', answer: undefined },
    ]);
    await pasteImage(testServices(keep, bucket.client), node);
    keep.assertDone();
    assert.equal((await object('taken.png')).bytes.toString(), 'old');
    const replace = new FakeUi([
      paste(),
      { input: 'Name', answer: 'taken.png' },
      { modal: 'already exists', answer: 'Overwrite' },
    ]);
    await pasteImage(testServices(replace, bucket.client), node);
    replace.assertDone();
    assert.deepEqual(await object('taken.png'), { bytes: PNG, contentType: 'image/png' });
  });

  it('a template with an unknown variable opens no pad', async () => {
    const ui = new FakeUi([{ message: 'uses ${when}', answer: undefined }]);
    const services = testServices(ui, bucket.client, { settings: { 'pasteImage.nameTemplate': '${when}.png' } });
    await assert.rejects(pasteImage(services, folderNode(serverAccount(), bucket.name)), UserCancelled);
    ui.assertDone();
  });
});
