// A read-only token ("Admin Read only", "Object Read only"): the account row says so, and the rows
// under it offer no write action, which R2 would refuse.
import { strict as assert } from 'node:assert';
import { putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, server, useBuckets } from '../support/extension';
import { menuCommands } from '../support/menus';
import { runWithPrompts } from '../support/prompts';

const BUCKET = `read-only-${Date.now().toString(36)}`;
const WRITES = [
  'r2.upload',
  'r2.newFolder',
  'r2.rename',
  'r2.delete',
  'r2.deleteBucket',
  'r2.createBucket',
  'r2.editCorsRules',
  'r2.editLifecycleRules',
  'r2.cleanUpIncompleteUploads',
];

/** The write actions offered on these rows, inline or in their context menus. */
function writesOffered(...nodes: ExplorerNode[]): string[] {
  const offered = nodes.flatMap((node) => [...menuCommands(node, 'inline'), ...menuCommands(node, 'context')]);
  return WRITES.filter((command) => offered.includes(command));
}

/** The account's rows: itself, the bucket, the folder `docs/` and the object `docs/a.txt`. */
async function rows(account: ExplorerNode): Promise<ExplorerNode[]> {
  const bucket = await child(account, BUCKET);
  const folder = await child(bucket, 'docs/');
  return [account, bucket, folder, await child(folder, 'a.txt')];
}

describe('Read-only tokens', () => {
  useBuckets(BUCKET);
  before(async () => {
    await putObject(adminClient(), { bucket: BUCKET, key: 'docs/a.txt', body: 'a' }, AbortSignal.timeout(60_000));
  });

  it('the account row says read-only and no row under it offers a write action', async () => {
    const readOnly = await addServerAccount('Reader', server.readOnly);
    assert.match(String(readOnly.getTreeItem().description), /^read-only\b/);
    assert.deepEqual(writesOffered(...(await rows(readOnly))), []);
    // An admin key, on the same rows, is offered all of them.
    const admin = await addServerAccount('Writer');
    assert.doesNotMatch(String(admin.getTreeItem().description), /read-only/);
    assert.deepEqual(writesOffered(...(await rows(admin))), WRITES);
  });

  it('Edit Account to a key that may write clears read-only', async () => {
    const node = await addServerAccount('Promoted', server.readOnly);
    await runWithPrompts(
      'r2.editAccount',
      [node],
      [server.endpoint, server.admin.accessKeyId, server.admin.secretAccessKey, 'Promoted'],
    );
    const promoted = await child(undefined, 'Promoted');
    assert.doesNotMatch(String(promoted.getTreeItem().description), /read-only/);
    assert.deepEqual(writesOffered(...(await rows(promoted))), WRITES);
  });
});
