// The client pool against the local server, with an in-memory account store: account changes must
// not break work in flight, and must reach new requests.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { Transform } from 'node:stream';
import type { Account } from '../../../src/accounts/account';
import { ClientPool } from '../../../src/accounts/clientPool';
import type { R2Client } from '../../../src/r2';
import { getObjectBytes, getObjectStream, listBuckets, putObject } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, sha256, useBucket } from '../r2/helpers';

/** Accounts and secrets in memory, firing a change event as the real store does. */
class FakeAccounts {
  private accounts = new Map<string, Account>();
  private readonly secrets = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  readonly onDidChange = (listener: () => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  list(): readonly Account[] {
    return [...this.accounts.values()];
  }

  get(id: string): Account | undefined {
    return this.accounts.get(id);
  }

  getSecret(id: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(id));
  }

  /** Stores the account (and the secret, when given) and fires the change. */
  save(account: Account, secret?: string): void {
    this.accounts.set(account.id, account);
    if (secret !== undefined) {
      this.secrets.set(account.id, secret);
    }
    this.listeners.forEach((listener) => listener());
  }

  /** A secret changed by another window: only the secret, then the change. */
  changeSecret(id: string, secret: string): void {
    this.secrets.set(id, secret);
    this.listeners.forEach((listener) => listener());
  }

  remove(id: string): void {
    this.accounts.delete(id);
    this.secrets.delete(id);
    this.listeners.forEach((listener) => listener());
  }
}

function serverAccount(
  id: string,
  accessKeyId = s3env().credentials.accessKeyId,
  endpoint = s3env().endpoint,
): Account {
  return { id, name: `Account ${id}`, jurisdiction: 'default', endpoint, forcePathStyle: true, accessKeyId };
}

/**
 * A TCP forwarder to the server that knows which connections are open through it, and whether the
 * client closed them (the server closes idle ones too, after its keep-alive timeout).
 */
async function countingProxy(
  upstream: string,
): Promise<{ url: string; closedByClient: () => Promise<void>; close: () => Promise<void> }> {
  const open = new Set<Socket>();
  let closedByServer = 0;
  let allClosed = (): void => undefined;
  const server: Server = createServer((client) => {
    const target = new URL(upstream);
    const forward = createConnection({ host: target.hostname, port: Number(target.port) });
    open.add(client);
    client.pipe(forward).pipe(client);
    const close = (by: 'client' | 'server') => {
      if (!open.delete(client)) {
        return;
      }
      closedByServer += by === 'server' ? 1 : 0;
      client.destroy();
      forward.destroy();
      if (open.size === 0 && closedByServer === 0) {
        allClosed();
      }
    };
    client.on('close', () => close('client')).on('error', () => close('client'));
    forward.on('close', () => close('server')).on('error', () => close('server'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** Resolves once the client has closed every connection; never when the server closed one. */
    closedByClient: () =>
      open.size === 0 && closedByServer === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => (allClosed = resolve)),
    close: async () => {
      open.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A pass-through that lets the first chunk by and holds the second until `release()`: a transfer
 * stopped in the middle, with its connections open, for as long as the test needs.
 */
function holdInTheMiddle(): { stream: Transform; reached: Promise<void>; release: () => void } {
  let reachedMiddle = (): void => undefined;
  let release = (): void => undefined;
  const reached = new Promise<void>((resolve) => (reachedMiddle = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let chunks = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks += 1;
      if (chunks === 1) {
        done(null, chunk);
        return;
      }
      if (chunks === 2) {
        reachedMiddle();
      }
      void released.then(() => done(null, chunk));
    },
  });
  return { stream, reached, release };
}

describe('ClientPool', function () {
  this.timeout(30_000);
  const bucket = useBucket('client-pool');
  const size = 4 * 1024 * 1024;
  const content = randomBytes(size);
  let accounts: FakeAccounts;
  let pool: ClientPool;

  before(async () => {
    await putObject(bucket.client, { bucket: bucket.name, key: 'source.bin', body: content }, live);
  });

  beforeEach(() => {
    accounts = new FakeAccounts();
    accounts.save(serverAccount('a'), s3env().credentials.secretAccessKey);
    accounts.save(serverAccount('b'), s3env().credentials.secretAccessKey);
    pool = new ClientPool(accounts);
  });

  afterEach(() => pool.dispose());

  /** Streams source.bin through account A's client into `key` through account B's, held in the middle. */
  async function startCopy(
    key: string,
  ): Promise<{ done: Promise<unknown>; reached: Promise<void>; release: () => void; clients: R2Client[] }> {
    const from = await pool.get(accounts.get('a')!);
    const to = await pool.get(accounts.get('b')!);
    const source = await getObjectStream(from, { bucket: bucket.name, key: 'source.bin' }, live);
    const hold = holdInTheMiddle();
    source.body.on('error', (error) => hold.stream.destroy(error));
    source.body.pipe(hold.stream);
    const done = putObject(
      to,
      { bucket: bucket.name, key, body: hold.stream, contentLength: source.contentLength },
      live,
    );
    return { done, reached: hold.reached, release: hold.release, clients: [from, to] };
  }

  async function expectCopied(key: string): Promise<void> {
    const { bytes } = await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: size }, live);
    assert.equal(sha256(bytes), sha256(content));
  }

  it('keeps both clients of a cross-account copy when both accounts are renamed and given a public URL mid-transfer', async () => {
    const copy = await startCopy('renamed.bin');
    await copy.reached;
    accounts.save({ ...accounts.get('a')!, name: 'Renamed A' });
    accounts.save({
      ...accounts.get('b')!,
      name: 'Renamed B',
      publicBaseUrls: { [bucket.name]: 'https://pub.example.com' },
    });
    const after = [await pool.get(accounts.get('a')!), await pool.get(accounts.get('b')!)];
    copy.release();
    await copy.done;
    await expectCopied('renamed.bin');
    // The pool kept the clients: neither connection changed.
    assert.equal(after[0], copy.clients[0]);
    assert.equal(after[1], copy.clients[1]);
  });

  it('replaces the client of an account whose key changed, once its copy in flight has finished', async function () {
    const scoped = s3env().scoped;
    if (scoped === undefined) {
      this.skip();
    }
    // Account A reaches the server through a proxy that counts its connections.
    const proxy = await countingProxy(s3env().endpoint);
    try {
      accounts.save(serverAccount('a', undefined, proxy.url));
      const copy = await startCopy('rekeyed.bin');
      await copy.reached;
      accounts.save(serverAccount('a', scoped.accessKeyId, proxy.url), scoped.secretAccessKey);
      const replaced = await pool.get(accounts.get('a')!);
      const other = await pool.get(accounts.get('b')!);
      copy.release();
      await copy.done;
      await expectCopied('rekeyed.bin');
      // The old client closed its connection once the copy was done; had it kept the connection,
      // the server would close it after its keep-alive timeout and the test would time out.
      await proxy.closedByClient();
      assert.notEqual(replaced, copy.clients[0]);
      assert.equal(other, copy.clients[1], "the other account's client stays");
      // The new client signs with the new key, limited to its bucket: listing buckets is refused.
      await expectR2Error(listBuckets(replaced, live), 'AccessDenied');
    } finally {
      await proxy.close();
    }
  });

  it('replaces the client when only the secret changed (another window), and drops a removed account', async () => {
    const first = await pool.get(accounts.get('a')!);
    accounts.changeSecret('a', 'wrong-secret-0123456789abcdef0123456789');
    const second = await pool.get(accounts.get('a')!);
    assert.notEqual(second, first);
    await expectR2Error(listBuckets(second, live), 'InvalidCredentials');
    const b = await pool.get(accounts.get('b')!);
    const removed = serverAccount('b');
    accounts.remove('b');
    await assert.rejects(pool.get(removed), /No secret access key/);
    assert.ok(b);
  });
});
