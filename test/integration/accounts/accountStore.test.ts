// The account store on in-memory storage that, like any storage behind an API that returns a
// promise, applies a write only when that promise settles: writes made at once must all be kept.
import { strict as assert } from 'node:assert';
import type { Account } from '../../../src/accounts/account';
import { AccountStore } from '../../../src/accounts/accountStore';
import { MemoryMemento, MemorySecrets } from '../../support/memoryStorage';

function account(id: string): Account {
  return { id, name: `Account ${id}`, jurisdiction: 'default', accountId: 'a'.repeat(32), accessKeyId: `key-${id}` };
}

describe('AccountStore', () => {
  let secrets: MemorySecrets;
  let store: AccountStore;

  beforeEach(() => {
    secrets = new MemorySecrets({ deferred: true });
    store = new AccountStore(new MemoryMemento({ deferred: true }), secrets);
  });

  afterEach(() => store.dispose());

  it('keeps every account of many saved at once, with and without a secret', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `account-${i}`);
    await Promise.all(ids.map((id, i) => store.save(account(id), i % 2 === 0 ? `secret-${id}` : undefined)));
    assert.deepEqual(
      store
        .list()
        .map((saved) => saved.id)
        .sort(),
      [...ids].sort(),
    );
    for (const id of ids.filter((_, i) => i % 2 === 0)) {
      assert.equal(await store.getSecret(id), `secret-${id}`);
    }
  });

  it('keeps every change made at once to one account (a rename, pinned buckets, public URLs)', async () => {
    await store.save(account('one'), 'secret');
    const buckets = Array.from({ length: 10 }, (_, i) => `bucket-${i}`);
    await Promise.all([
      store.update('one', (current) => ({ ...current, name: 'Renamed' })),
      ...buckets.map((bucket) =>
        store.update('one', (current) => ({ ...current, pinnedBuckets: [...(current.pinnedBuckets ?? []), bucket] })),
      ),
      store.update('one', (current) => ({
        ...current,
        publicBaseUrls: { ...current.publicBaseUrls, 'bucket-0': 'https://pub.example.com' },
      })),
      store.update('gone', (current) => ({ ...current, name: 'Never stored' })),
    ]);
    const stored = store.list();
    assert.deepEqual(
      stored.map((saved) => saved.id),
      ['one'],
      'an update of an account that is not stored adds nothing',
    );
    assert.equal(stored[0].name, 'Renamed');
    assert.deepEqual([...(stored[0].pinnedBuckets ?? [])].sort(), buckets);
    assert.deepEqual(stored[0].publicBaseUrls, { 'bucket-0': 'https://pub.example.com' });
  });

  it('keeps the accounts saved while others are removed at once, and removes exactly those', async () => {
    const first = Array.from({ length: 10 }, (_, i) => `first-${i}`);
    await Promise.all(first.map((id) => store.save(account(id), `secret-${id}`)));
    const second = Array.from({ length: 10 }, (_, i) => `second-${i}`);
    const removed = first.slice(0, 5);
    await Promise.all([
      ...removed.map((id) => store.remove(id)),
      ...second.map((id) => store.save(account(id), `secret-${id}`)),
    ]);
    assert.deepEqual(
      store
        .list()
        .map((saved) => saved.id)
        .sort(),
      [...first.slice(5), ...second].sort(),
    );
    assert.deepEqual(
      removed.filter((id) => secrets.values.has(`r2.secret.${id}`)),
      [],
      'the secrets of removed accounts are gone',
    );
  });
});
