// r2.addAccount's decision paths, in plain Node: the prompts scripted (FakeUi), the credentials
// checked against the test server.
import assert from 'node:assert/strict';
import { addAccount } from '../../../src/commands/addAccount';
import { UserCancelled } from '../../../src/ui/userInterface';
import type { Step } from '../../support/fakeUi';
import { FakeUi } from '../../support/fakeUi';
import { s3env } from '../../support/s3env';
import { useBucket } from '../r2/helpers';
import { testServices } from './helpers';

const ACCOUNT_ID = '0123456789abcdef0123456789abcdef';

describe('r2.addAccount', () => {
  const bucket = useBucket('cmd-account');

  /** The walk-through's four steps for the test server, with this secret. */
  const walk = (secret = s3env().credentials.secretAccessKey, name = 'Local'): Step[] => [
    { input: 'Add R2 Account (1/4)', answer: s3env().endpoint },
    { input: 'Add R2 Account (2/4)', answer: s3env().credentials.accessKeyId },
    { input: 'Add R2 Account (3/4)', answer: secret },
    { input: 'Add R2 Account (4/4)', answer: name },
  ];

  it('dismissing any step saves nothing', async () => {
    const steps = walk();
    for (let dismissed = 0; dismissed < steps.length; dismissed++) {
      const ui = new FakeUi([...steps.slice(0, dismissed), { ...steps[dismissed], answer: undefined } as Step]);
      const services = testServices(ui, bucket.client, { accounts: [] });
      await assert.rejects(addAccount(services), UserCancelled, `step ${dismissed + 1}`);
      ui.assertDone();
      assert.deepEqual(services.fakeAccounts.list(), []);
      assert.deepEqual(ui.progress, [], 'no request before the last step');
    }
  });

  it('an R2 account ID asks for the jurisdiction; dismissing that saves nothing', async () => {
    const ui = new FakeUi([
      { input: 'Add R2 Account (1/4)', answer: ACCOUNT_ID },
      { pick: 'Add R2 Account (2/5)', answer: undefined },
    ]);
    const services = testServices(ui, bucket.client, { accounts: [] });
    await assert.rejects(addAccount(services), UserCancelled);
    ui.assertDone();
  });

  it('refuses a location that is neither an account ID nor a URL, in the box', async () => {
    const ui = new FakeUi([{ input: 'Add R2 Account (1/4)', answer: 'not an account' }]);
    await assert.rejects(addAccount(testServices(ui, bucket.client, { accounts: [] })), UserCancelled);
    assert.deepEqual(ui.refused, ['Enter a 32-character hexadecimal account ID or an http(s):// endpoint URL.']);
  });

  it('checks the credentials, then saves the account with its secret', async () => {
    const ui = new FakeUi(walk());
    const services = testServices(ui, bucket.client, { accounts: [] });
    await addAccount(services);
    ui.assertDone();
    assert.deepEqual(ui.progress, [`Checking the credentials with ${s3env().endpoint}…`]);
    assert.deepEqual(ui.messages(), ['Added R2 account "Local".']);
    const [account] = services.fakeAccounts.list();
    assert.equal(account.endpoint, s3env().endpoint);
    assert.equal(account.accessKeyId, s3env().credentials.accessKeyId);
    assert.equal(services.fakeAccounts.secrets.get(account.id), s3env().credentials.secretAccessKey);
    // The key may write (the check asked in the test's bucket): not marked read-only.
    assert.equal(account.readOnly, undefined);
  });

  it('a wrong secret saves nothing; Fix… walks through again with all but the secret filled in', async () => {
    const wrong = 'f'.repeat(64);
    const dismissed = new FakeUi([...walk(wrong), { message: 'secret access key does not match', answer: undefined }]);
    const kept = testServices(dismissed, bucket.client, { accounts: [] });
    await addAccount(kept);
    dismissed.assertDone();
    assert.deepEqual(dismissed.shown, [{ level: 'error', message: dismissed.shown[0].message, actions: ['Fix…'] }]);
    assert.deepEqual(kept.fakeAccounts.list(), []);

    const fixed = new FakeUi([
      ...walk(wrong, 'Fixed'),
      { message: 'secret access key does not match', answer: 'Fix…' },
      ...walk(undefined, 'Fixed'),
    ]);
    const services = testServices(fixed, bucket.client, { accounts: [] });
    await addAccount(services);
    fixed.assertDone();
    // The second walk-through starts from the first one's answers, the secret excepted.
    const second = fixed.inputs.slice(4);
    assert.deepEqual(
      second.map((options) => options.value),
      [s3env().endpoint, s3env().credentials.accessKeyId, undefined, 'Fixed'],
    );
    assert.deepEqual(
      services.fakeAccounts.list().map((account) => account.name),
      ['Fixed'],
    );
  });
});
