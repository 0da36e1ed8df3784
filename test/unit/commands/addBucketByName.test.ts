// r2.addBucketByName in plain Node: the bucket check is an object token's first chance to learn
// whether it may write (it cannot list buckets, so the account check could not tell).
import assert from 'node:assert/strict';
import { addBucketByName } from '../../../src/commands/addBucketByName';
import { FakeUi } from '../../support/fakeUi';
import { s3env } from '../../support/s3env';
import { useBucket } from '../r2/helpers';
import { accountNode, serverAccount, testServices } from './helpers';

describe('r2.addBucketByName', () => {
  const bucket = useBucket('cmd-add-by-name');

  /** Adds the test bucket by name to an account with these credentials; returns the account saved. */
  async function addWith(credentials: { accessKeyId: string; secretAccessKey: string }, readOnly?: boolean) {
    const account = serverAccount({ accessKeyId: credentials.accessKeyId, readOnly });
    const ui = new FakeUi([{ input: `Add Bucket to ${account.name}`, answer: bucket.name }]);
    const services = testServices(ui, bucket.client, { accounts: [account] });
    services.fakeAccounts.secrets.set(account.id, credentials.secretAccessKey);
    await addBucketByName(services, accountNode(account));
    ui.assertDone();
    assert.deepEqual(ui.messages(), [`Added bucket "${bucket.name}" to ${account.name}.`]);
    return services.fakeAccounts.get(account.id)!;
  }

  it('marks the account read-only when its key may not write in the bucket', async () => {
    const saved = await addWith(s3env().readOnly!);
    assert.deepEqual(saved.pinnedBuckets, [bucket.name]);
    assert.equal(saved.readOnly, true);
  });

  it('clears read-only when the key may write there', async () => {
    assert.equal((await addWith(s3env().credentials, true)).readOnly, undefined);
  });
});
