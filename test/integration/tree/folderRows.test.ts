import { strict as assert } from 'node:assert';
import { headObject, isR2Error, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, children, label, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

const BUCKET = `folder-rows-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

describe('Folder rows follow their objects', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let bucket: ExplorerNode;

  before(async () => {
    await Promise.all(
      ['gone/only.txt', 'moved/only.txt', 'kept/', 'kept/x.txt', 'has/a.txt', 'marked/'].map((key) =>
        putObject(client, { bucket: BUCKET, key, body: key.endsWith('/') ? '' : key }, signal()),
      ),
    );
    bucket = await child(await addServerAccount('Folder rows'), BUCKET);
  });

  const labels = async (node: ExplorerNode) => (await children(node)).map(label);

  it('drops a folder row when its last object is deleted or moved away, and keeps one with a marker', async () => {
    // Each folder expanded, as a user sees its last object before deleting it.
    const gone = await child(await child(bucket, 'gone/'), 'only.txt');
    const moved = await child(await child(bucket, 'moved/'), 'only.txt');
    const kept = await child(await child(bucket, 'kept/'), 'x.txt');
    await runWithPrompts('r2.delete', [gone], [], 'Delete');
    assert.ok(!(await labels(bucket)).includes('gone/'), 'the row of the folder deleted empty is gone');
    // Moved into another shown folder: the bucket's own level is not listed for that folder.
    await runWithPrompts('r2.rename', [moved], ['kept/elsewhere.txt']);
    assert.ok(!(await labels(bucket)).includes('moved/'), 'the row of the folder moved empty is gone');
    await runWithPrompts('r2.delete', [kept], [], 'Delete');
    assert.deepEqual(await labels(bucket), ['has/', 'kept/', 'marked/'], 'a folder with a marker stays');
  });

  it('says an existing folder exists on New Folder…, and writes no marker for it', async () => {
    for (const name of ['has', 'marked']) {
      const prompts = await runWithPrompts('r2.newFolder', [bucket], [name]);
      assert.deepEqual(
        prompts.shown.map((shown) => shown.message),
        [`Folder "${name}/" already exists.`],
      );
    }
    await assert.rejects(headObject(client, { bucket: BUCKET, key: 'has/' }, signal()), (error) =>
      isR2Error(error, 'NoSuchKey'),
    );
  });
});
