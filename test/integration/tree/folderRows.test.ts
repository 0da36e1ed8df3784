import { strict as assert } from 'node:assert';
import { headObject, isR2Error, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
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
