// Paste Image to R2…: a real image pasted into the pad (a webview) in the browser, named from the
// template setting and uploaded as PNG to the local server's bucket.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { getObjectBytes, headObject, putObject } from '../../../src/r2';
import { messages } from '../../../src/ui/messages';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { bucketContents } from '../support/files';
import { runWithPrompts } from '../support/prompts';
import { pasteIntoWebview, press, requireWorkbench } from '../support/workbench';

const BUCKET = `paste-image-${Date.now().toString(36)}`;
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'integration', 'fixtures');
// Red, 3×2 pixels: a PNG as a screenshot tool puts it on the clipboard, and a JPEG as a browser's Copy Image.
const PNG = readFileSync(join(FIXTURES, 'red-3x2.png'));
const JPEG = readFileSync(join(FIXTURES, 'red-3x2.jpg'));
const PAD = { selector: '#pad', status: '#status' };
const signal = () => AbortSignal.timeout(60_000);

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('Paste Image to R2', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();
  const settings = () => vscode.workspace.getConfiguration('r2');
  let shots: ExplorerNode;
  const object = async (key: string) => ({
    bytes: (await getObjectBytes(client, { bucket: BUCKET, key, maxBytes: 65536 }, signal())).bytes,
    contentType: (await headObject(client, { bucket: BUCKET, key }, signal())).contentType,
  });

  before(async function () {
    requireWorkbench(this);
    await putObject(client, { bucket: BUCKET, key: 'shots/.keep', body: '' }, signal());
    shots = await child(await child(await addServerAccount('Paste Image'), BUCKET), 'shots/');
    await settings().update('pasteImage.nameTemplate', 'shot-${date}-${fileName}', vscode.ConfigurationTarget.Global);
  });

  after(() => settings().update('pasteImage.nameTemplate', undefined, vscode.ConfigurationTarget.Global));

  it('an image put on the clipboard and pasted with Ctrl+V becomes a PNG object named from the template', async () => {
    let offered: string | undefined;
    const running = runWithPrompts('r2.pasteImage', [shots], [{ input: (options) => (offered = options.value) }]);
    // Text first: the pad says it holds no image and stays open.
    assert.equal(
      await pasteIntoWebview({ ...PAD, via: 'clipboard', text: 'not an image' }),
      messages.pasteImagePad.notImage,
    );
    // The pad says it has the image, and closes: what it said is not waited for.
    await pasteIntoWebview({
      ...PAD,
      via: 'clipboard',
      image: { base64: PNG.toString('base64'), type: 'image/png', name: 'image.png' },
    });
    const prompts = await running;
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.match(offered ?? '', new RegExp(`^shot-${date}-[\\w.-]+\\.png$`));
    const key = `shots/${offered}`;
    // The browser's clipboard decodes an image and encodes it again: the same picture, other bytes.
    const { bytes, contentType } = await object(key);
    assert.deepEqual(
      { size: pngSize(bytes), contentType },
      { size: { width: 3, height: 2 }, contentType: 'image/png' },
    );
    assert.match(prompts.shown.at(-1)?.message ?? '', new RegExp(`Uploaded ${offered} to ${BUCKET}/shots/`));
    // The view lists the folder again: the new object is a row.
    await child(shots, offered ?? '');
  });

  it('a PNG pasted reaches R2 byte for byte, under the name typed', async () => {
    const running = runWithPrompts('r2.pasteImage', [shots], ['exact.png']);
    const base64 = PNG.toString('base64');
    await pasteIntoWebview({ ...PAD, via: 'event', image: { base64, type: 'image/png', name: 'image.png' } });
    await running;
    assert.deepEqual(await object('shots/exact.png'), { bytes: PNG, contentType: 'image/png' });
  });

  it('another image type is converted to PNG in the pad', async () => {
    const running = runWithPrompts('r2.pasteImage', [shots], ['photo']);
    const base64 = JPEG.toString('base64');
    await pasteIntoWebview({ ...PAD, via: 'event', image: { base64, type: 'image/jpeg', name: 'photo.jpg' } });
    await running;
    const { bytes, contentType } = await object('shots/photo');
    assert.deepEqual(
      { size: pngSize(bytes), contentType },
      { size: { width: 3, height: 2 }, contentType: 'image/png' },
    );
  });

  it('Paste on a folder when the clipboard holds no files offers Paste Image…, which opens the pad', async () => {
    await vscode.env.clipboard.writeText('no file here');
    const running = runWithPrompts('r2.paste', [shots], ['offered.png'], messages.pasteImageAction);
    const base64 = PNG.toString('base64');
    await pasteIntoWebview({ ...PAD, via: 'event', image: { base64, type: 'image/png', name: 'image.png' } });
    const prompts = await running;
    assert.deepEqual(prompts.shown[0]?.items, [messages.pasteImageAction]);
    assert.deepEqual(await object('shots/offered.png'), { bytes: PNG, contentType: 'image/png' });
  });

  it('Escape in the pad cancels: nothing is asked or uploaded', async () => {
    const before = Object.keys(await bucketContents(client, BUCKET));
    const running = runWithPrompts('r2.pasteImage', [shots]);
    assert.equal(
      await pasteIntoWebview({ ...PAD, via: 'event', text: 'still no image' }),
      messages.pasteImagePad.notImage,
    );
    await press('Escape');
    const prompts = await running;
    assert.deepEqual([prompts.asked, prompts.shown], [[], []]);
    assert.deepEqual(Object.keys(await bucketContents(client, BUCKET)), before);
  });
});
