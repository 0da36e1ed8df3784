// r2.editAccount's decision paths, in plain Node: which account it edits (a row, an id from a
// notification, or a pick), the secret it keeps or asks for, and what the check learns of writing.
import assert from 'node:assert/strict';
import type { Account } from '../../../src/accounts/account';
import { addAccount } from '../../../src/commands/addAccount';
import { editAccount } from '../../../src/commands/editAccount';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { s3env } from '../../support/s3env';
import { useBucket } from '../r2/helpers';
import { accountNode, serverAccount, testServices } from './helpers';

describe('r2.editAccount', () => {
  const bucket = useBucket('cmd-edit-account');
  /** Services with two accounts of the test server, First and Second, and their stored secrets. */
  function withTwoAccounts(ui: FakeUi) {
    const first = serverAccount({ id: 'first', name: 'First' });
    const second = serverAccount({ id: 'second', name: 'Second' });
    const services = testServices(ui, bucket.client, { accounts: [first, second] });
    for (const account of [first, second]) {
      services.fakeAccounts.secrets.set(account.id, s3env().credentials.secretAccessKey);
    }
    return services;
  }

  it('edits the account a notification names by id, keeps the stored secret left empty, and confirms', async () => {
    const ui = new FakeUi([
      { input: 'Edit Second (1/4)', answer: s3env().endpoint },
      { input: 'Edit Second (2/4)', answer: s3env().credentials.accessKeyId },
      { input: 'Edit Second (3/4)', answer: '' },
      { input: 'Edit Second (4/4)', answer: 'Renamed' },
    ]);
    const services = withTwoAccounts(ui);
    await editAccount(services, 'second');
    ui.assertDone();
    assert.equal(ui.inputs[2].placeHolder, 'Leave empty to keep the stored secret');
    assert.match(ui.inputs[2].prompt ?? '', /Leave empty to keep the stored secret/);
    assert.deepEqual(ui.messages(), ['Updated R2 account "Renamed".']);
    assert.equal(services.fakeAccounts.get('second')?.name, 'Renamed');
    assert.equal(services.fakeAccounts.secrets.get('second'), s3env().credentials.secretAccessKey);
    assert.equal(services.fakeAccounts.get('first')?.name, 'First');
  });

  it("edits a row's account: the account row, or an error row that carries it", async () => {
    for (const row of [
      (first: Account) => accountNode(first),
      (first: Account) => ({ kind: 'message', account: first }),
    ]) {
      const ui = new FakeUi([{ input: 'Edit First (1/4)', answer: undefined }]);
      const services = withTwoAccounts(ui);
      await assert.rejects(editAccount(services, row(services.fakeAccounts.get('first')!)), UserCancelled);
      ui.assertDone();
    }
  });

  it('with nothing given, asks which account; with an id no longer configured, says so', async () => {
    const picked = new FakeUi([
      { pick: 'Edit R2 Account', answer: 'Second' },
      { input: 'Edit Second (1/4)', answer: undefined },
    ]);
    await assert.rejects(editAccount(withTwoAccounts(picked)), UserCancelled);
    picked.assertDone();
    const gone = new FakeUi();
    await assert.rejects(editAccount(withTwoAccounts(gone), 'removed-meanwhile'), /no longer configured/);
    gone.assertDone();
  });

  it('a changed access key ID needs its own secret, and the check finds a read-only key', async () => {
    const readOnly = s3env().readOnly!;
    const steps = (secret: string) => [
      { input: 'Edit First (1/4)', answer: s3env().endpoint },
      { input: 'Edit First (2/4)', answer: readOnly.accessKeyId },
      { input: 'Edit First (3/4)', answer: secret },
    ];
    const empty = new FakeUi(steps(''));
    await assert.rejects(editAccount(withTwoAccounts(empty), 'first'), UserCancelled);
    assert.deepEqual(empty.refused, ['A new access key ID needs its own secret access key.']);
    assert.match(empty.inputs[2].prompt ?? '', /belongs to the old key/);

    const ui = new FakeUi([...steps(readOnly.secretAccessKey), { input: 'Edit First (4/4)', answer: 'First' }]);
    const services = withTwoAccounts(ui);
    await editAccount(services, 'first');
    ui.assertDone();
    assert.equal(services.fakeAccounts.get('first')?.readOnly, true);
    assert.equal(services.fakeAccounts.secrets.get('first'), readOnly.secretAccessKey);
  });

  it('Add Account numbers a bare account ID walk-through 1/4, then 2/5 to 5/5 once the jurisdiction is asked', async () => {
    const ui = new FakeUi([
      { input: 'Add R2 Account (1/4)', answer: '0123456789abcdef0123456789abcdef' },
      { pick: 'Add R2 Account (2/5)', answer: 'European Union (EU)' },
      { input: 'Add R2 Account (3/5)', answer: 'AKID' },
      { input: 'Add R2 Account (4/5)', answer: 'SECRET' },
      { input: 'Add R2 Account (5/5)', answer: undefined },
    ]);
    await assert.rejects(addAccount(testServices(ui, bucket.client, { accounts: [] })), UserCancelled);
    ui.assertDone();
  });
});
