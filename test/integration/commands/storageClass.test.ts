// Change Storage Class… inside VS Code: from the folder's row, its confirmation with the cost
// warning, the change in place with the metadata kept, and the summary.
import { strict as assert } from 'node:assert';
import { headObject, putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'storage-class';
const signal = () => AbortSignal.timeout(120_000);

describe('Change Storage Class', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  const client = adminClient();

  before(async () => {
    for (const key of ['logs/2024.txt', 'logs/2025.txt']) {
      await putObject(
        client,
        { bucket: BUCKET, key, body: 'log lines', contentType: 'text/plain', metadata: { team: 'infra' } },
        signal(),
      );
    }
    await addServerAccount('Local R2');
  });

  it('confirms with the 30-day minimum and retrieval fee, then moves the folder to Infrequent Access with its metadata', async () => {
    const bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
    const folder = await child(bucketNode, 'logs/');
    const prompts = await runWithPrompts(
      'r2.changeStorageClass',
      [folder, [folder]],
      ['Infrequent Access'],
      ['Change Storage Class'],
    );
    assert.deepEqual(prompts.asked, ['Change Storage Class']);
    assert.deepEqual(
      prompts.shown.map((shown) => [shown.level, shown.message, shown.items]),
      [
        [
          'warning',
          'Change 2 objects (18 B) to Infrequent Access? Each object is rewritten in place with its metadata: one Class A request each.\n\n' +
            'Infrequent Access bills every object for at least 30 days of storage, even if it is deleted or changed back sooner, and charges a data retrieval fee per GB on every read.',
          ['Change Storage Class'],
        ],
        ['info', '2 changed to Infrequent Access.', []],
      ],
    );
    for (const key of ['logs/2024.txt', 'logs/2025.txt']) {
      const head = await headObject(client, { bucket: BUCKET, key }, signal());
      assert.equal(head.storageClass, 'STANDARD_IA');
      assert.equal(head.contentType, 'text/plain');
      assert.deepEqual(head.metadata, { team: 'infra' });
    }
  });
});
