import { strict as assert } from 'node:assert';
import type { Account } from '../../../src/accounts/account';
import { configureSandboxAccount } from '../../../src/accounts/sandboxAccount';

/** The part of AccountStore the hook uses, in memory: accounts and secrets as they end up stored. */
function memoryStore(accounts: Account[] = [], secrets: Record<string, string> = {}) {
  return {
    accounts,
    secrets,
    saves: 0,
    get(id: string) {
      return this.accounts.find((account) => account.id === id);
    },
    getSecret(id: string) {
      return Promise.resolve(this.secrets[id]);
    },
    save(account: Account, secret?: string) {
      this.saves++;
      this.accounts = [...this.accounts.filter((existing) => existing.id !== account.id), account];
      if (secret !== undefined) {
        this.secrets[account.id] = secret;
      }
      return Promise.resolve();
    },
  };
}

const sandbox: Account = { id: 'sandbox', name: 'Sandbox', jurisdiction: 'default', endpoint: 'http://127.0.0.1:4000', forcePathStyle: true, accessKeyId: 'key' };
const variable = (account: Account = sandbox) => JSON.stringify({ ...account, secretAccessKey: 'secret' });

describe('configureSandboxAccount', () => {
  it('does nothing outside the sandbox', async () => {
    const store = memoryStore();
    await configureSandboxAccount(store, undefined);
    assert.equal(store.saves, 0);
  });

  it('adds the account with its secret the first time', async () => {
    const store = memoryStore();
    await configureSandboxAccount(store, variable());
    assert.deepEqual(store.accounts, [sandbox]);
    assert.deepEqual(store.secrets, { sandbox: 'secret' });
  });

  it('stores the secret again in a browser that has none, keeping what the user changed', async () => {
    const renamed = { ...sandbox, name: 'Mine', pinnedBuckets: ['b'] };
    const store = memoryStore([renamed]);
    await configureSandboxAccount(store, variable());
    assert.deepEqual(store.accounts, [renamed]);
    assert.deepEqual(store.secrets, { sandbox: 'secret' });
  });

  it('follows the local server to a new port', async () => {
    const store = memoryStore([{ ...sandbox, name: 'Mine' }], { sandbox: 'secret' });
    await configureSandboxAccount(store, variable({ ...sandbox, endpoint: 'http://127.0.0.1:5000' }));
    assert.deepEqual(store.accounts, [{ ...sandbox, name: 'Mine', endpoint: 'http://127.0.0.1:5000' }]);
  });

  it('writes nothing when all is in place', async () => {
    const store = memoryStore([sandbox], { sandbox: 'secret' });
    await configureSandboxAccount(store, variable());
    assert.equal(store.saves, 0);
  });
});
