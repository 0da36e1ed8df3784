// Rename or Move on a folder, inside VS Code: its progress notification, Cancel midway, the summary,
// and running it again to finish the rest.
import { strict as assert } from 'node:assert';
import { getObjectBytes, listPage, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, children, faults, label, useBuckets } from '../support/extension';
import { recordProgress } from '../support/progress';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'folder-move';
const signal = () => AbortSignal.timeout(120_000);

describe('Rename or Move a folder', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();
  const keys = Array.from({ length: 12 }, (_, i) => `docs/page-${String(i).padStart(2, '0')}.md`);
  let bucketNode: ExplorerNode;

  before(async () => {
    await Promise.all(keys.map((key) => putObject(client, { bucket: BUCKET, key, body: key }, signal())));
    await addServerAccount('Local R2');
    bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
  });
  afterEach(() => faults.clear());

  const keysUnder = async (prefix: string) =>
    (await listPage(client, { bucket: BUCKET, prefix, delimiter: '' }, signal())).objects.map((object) => object.key);

  it('shows progress, stops on Cancel with a summary, and moves the rest when run again', async () => {
    // The first copy goes through; the others are held until Cancel ends them, so that Cancel comes
    // after one object has moved and before the rest, however many are copied at once.
    await faults.inject({ type: 'delay', operation: 'CopyObject', ms: 0, times: 1 });
    await faults.inject({ type: 'delay', operation: 'CopyObject', ms: 600_000, times: 'always' });
    const progress = recordProgress();
    let first;
    try {
      const running = runWithPrompts('r2.rename', [await child(bucketNode, 'docs/')], ['archive/docs']);
      // Cancel once the first object has moved (progress messages are throttled, so the bucket says).
      while ((await keysUnder('archive/docs/')).length === 0 || (await keysUnder('docs/')).length === keys.length) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      progress.cancel();
      first = await running;
    } finally {
      progress.restore();
    }
    assert.deepEqual(progress.seen.titles, ['Moving docs/ to archive/docs/']);
    assert.deepEqual(progress.seen.cancellable, [true]);
    assert.equal(progress.seen.messages[0], '0 of 12 objects');
    const summary = first.shown.map((shown) => shown.message);
    assert.equal(summary.length, 1);
    assert.match(
      summary[0],
      /^(\d+) moved, (\d+) not done \(cancelled\)\. Rename or move the folder again to move the rest: what moved is not moved twice\.$/,
    );
    const [, moved, notDone] = /^(\d+) moved, (\d+) not done/.exec(summary[0]) ?? [];
    assert.ok(Number(moved) > 0 && Number(notDone) > 0, summary[0]);
    // Nothing lost: every object is at one place or the other (or both, copied before its delete).
    // (Not counted against "not done": a request cancelled in flight may still have been carried out.)
    const [left, arrived] = [await keysUnder('docs/'), await keysUnder('archive/docs/')];
    assert.deepEqual([...new Set([...left, ...arrived.map((key) => key.slice('archive/'.length))])].sort(), keys);

    await faults.clear();
    const again = await runWithPrompts('r2.rename', [await child(bucketNode, 'docs/')], ['archive/docs']);
    assert.deepEqual(
      again.shown.map((shown) => shown.message),
      [`${left.length} moved.`],
    );
    assert.deepEqual(await keysUnder('docs/'), []);
    assert.deepEqual(
      await keysUnder('archive/docs/'),
      keys.map((key) => `archive/${key}`),
    );
    for (const key of keys) {
      const body = await getObjectBytes(client, { bucket: BUCKET, key: `archive/${key}`, maxBytes: 100 }, signal());
      assert.equal(body.bytes.toString(), key);
    }
    const rows = (await children(bucketNode)).map(label);
    assert.ok(rows.includes('archive/') && !rows.includes('docs/'), rows.join(', '));
  });
});
