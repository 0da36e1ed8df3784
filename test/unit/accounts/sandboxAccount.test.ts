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

const sandbox: Account = {
  id: 'sandbox',
  name: 'Sandbox',
  jurisdiction: 'default',
  endpoint: 'http://127.0.0.1:4000',
  forcePathStyle: true,
  accessKeyId: 'key',
};
const variable = (account: Account = sandbox) => JSON.stringify({ ...account, secretAccessKey: 'secret' });

/** As the hook stores it: marked as the sandbox's, so the view says so. */
const stored: Account = { ...sandbox, fromSandbox: true };

describe('configureSandboxAccount', () => {
  let logged: string[];
  const log = (message: string) => logged.push(message);
  beforeEach(() => {
    logged = [];
  });

  it('does nothing outside the sandbox', async () => {
    const store = memoryStore();
    await configureSandboxAccount(store, log, undefined);
    assert.equal(store.saves, 0);
  });

  it('adds the account with its secret the first time', async () => {
    const store = memoryStore();
    await configureSandboxAccount(store, log, variable());
    assert.deepEqual(store.accounts, [stored]);
    assert.deepEqual(store.secrets, { sandbox: 'secret' });
  });

  it('stores the secret again in a browser that has none, keeping what the user changed', async () => {
    const renamed = { ...stored, name: 'Mine', pinnedBuckets: ['b'] };
    const store = memoryStore([renamed]);
    await configureSandboxAccount(store, log, variable());
    assert.deepEqual(store.accounts, [renamed]);
    assert.deepEqual(store.secrets, { sandbox: 'secret' });
  });

  it('follows the local server to a new port', async () => {
    const store = memoryStore([{ ...stored, name: 'Mine' }], { sandbox: 'secret' });
    await configureSandboxAccount(store, log, variable({ ...sandbox, endpoint: 'http://127.0.0.1:5000' }));
    assert.deepEqual(store.accounts, [{ ...stored, name: 'Mine', endpoint: 'http://127.0.0.1:5000' }]);
  });

  it('writes nothing when all is in place', async () => {
    const store = memoryStore([stored], { sandbox: 'secret' });
    await configureSandboxAccount(store, log, variable());
    assert.equal(store.saves, 0);
  });

  // Whatever sets the extension host's environment (a dev container's remoteEnv, a shell profile)
  // could otherwise add an account that sends the user's next upload anywhere.
  for (const endpoint of [
    'https://r2.attacker.example',
    'http://10.0.0.5:9000',
    'http://0.0.0.0:4000',
    'http://[::]:4000',
    'http://localhost.attacker.example',
  ]) {
    it(`ignores, and logs, an account whose endpoint is not this machine: ${endpoint}`, async () => {
      const store = memoryStore();
      await configureSandboxAccount(store, log, variable({ ...sandbox, endpoint }));
      assert.equal(store.saves, 0);
      assert.match(logged.join('\n'), /R2_SANDBOX_ACCOUNT.*ignored/);
    });
  }

  it('ignores an account without an endpoint (a Cloudflare account ID reaches R2 itself)', async () => {
    const store = memoryStore();
    await configureSandboxAccount(
      store,
      log,
      variable({ ...sandbox, endpoint: undefined, accountId: '0123456789abcdef0123456789abcdef' }),
    );
    assert.equal(store.saves, 0);
  });

  it('never replaces an account the user added with the same id', async () => {
    const own: Account = { ...sandbox, endpoint: 'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com' };
    const store = memoryStore([own], { sandbox: 'users-secret' });
    await configureSandboxAccount(store, log, variable());
    assert.deepEqual(
      { accounts: store.accounts, secrets: store.secrets, saves: store.saves },
      { accounts: [own], secrets: { sandbox: 'users-secret' }, saves: 0 },
    );
    assert.match(logged.join('\n'), /ignored/);
  });

  it('accepts the loopback forms: 127.0.0.0/8, ::1, localhost', async () => {
    for (const endpoint of [
      'http://127.0.0.1:4000',
      'http://127.8.9.10:4000',
      'http://[::1]:4000',
      'http://localhost:4000',
    ]) {
      const store = memoryStore();
      await configureSandboxAccount(store, log, variable({ ...sandbox, endpoint }));
      assert.deepEqual(store.accounts, [{ ...stored, endpoint }], endpoint);
    }
  });
});
