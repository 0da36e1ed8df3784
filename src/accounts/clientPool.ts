import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { FileTransfers } from '../operations';
import { R2Client, R2Error } from '../r2';
import type { R2ClientOptions } from '../r2';
import { endpointConfig } from './account';
import type { Account } from './account';
import type { AccountStore } from './accountStore';

/** What the pool reads of the store. */
export type ClientSource = Pick<AccountStore, 'onDidChange' | 'get' | 'getSecret'>;

interface Entry {
  readonly client: R2Client;
  /** What the client signs with and talks to; another value needs another client. */
  readonly connection: string;
}

/**
 * The endpoint, path style, key ID and (hashed, so that no copy of it lingers in the pool) secret:
 * the name, pinned buckets and public URLs need no new client.
 */
function connectionOf(account: Account, secretAccessKey: string): string {
  const secret = createHash('sha256').update(secretAccessKey).digest('hex');
  return JSON.stringify([endpointConfig(account), account.accessKeyId, secret]);
}

/**
 * One R2 client per account, built on first use with the secret from SecretStorage. When an account
 * changes (a secret changed in another window included), its client is replaced only if what it
 * connects with changed, and the old one is retired, not destroyed: requests still running on it,
 * a transfer or a cross-account copy, finish.
 */
export class ClientPool implements vscode.Disposable {
  private readonly clients = new Map<string, Promise<Entry>>();
  private readonly subscription: vscode.Disposable;
  /** The latest check of the clients against the store: `get` waits for it, so it never hands out a stale one. */
  private checked: Promise<void> = Promise.resolve();

  constructor(
    private readonly accounts: ClientSource,
    /** Read for each new client, so changed settings apply after `clear()`. */
    private readonly options: (
      account: Account,
    ) => Partial<Omit<R2ClientOptions, 'endpoint' | 'credentials'>> = () => ({}),
    /** How an account's files move with its client (the extension's transfer thread); else in this thread. */
    readonly transfers?: (account: Account, client: R2Client) => FileTransfers,
  ) {
    this.subscription = accounts.onDidChange(() => {
      // Should the store fail to answer, no client is trusted.
      this.checked = this.checked.then(() => this.replaceChanged()).catch(() => this.clear());
    });
  }

  async get(account: Account): Promise<R2Client> {
    await this.checked;
    let entry = this.clients.get(account.id);
    if (!entry) {
      entry = this.create(account);
      this.clients.set(account.id, entry);
      // A failed creation (no secret yet) must not stick.
      entry.catch(() => {
        if (this.clients.get(account.id) === entry) {
          this.clients.delete(account.id);
        }
      });
    }
    return (await entry).client;
  }

  private async create(given: Account): Promise<Entry> {
    const { account, options } = await this.current(given);
    return { client: new R2Client(options), connection: connectionOf(account, options.credentials.secretAccessKey) };
  }

  /**
   * What a client of the account is built from now, its secret read from SecretStorage: the transfer
   * thread builds its clients from the same.
   */
  async optionsFor(account: Account): Promise<R2ClientOptions> {
    return (await this.current(account)).options;
  }

  private async current(given: Account): Promise<{ account: Account; options: R2ClientOptions }> {
    // The stored account, when there is one: the caller's copy may predate an edit.
    const account = this.accounts.get(given.id) ?? given;
    const secretAccessKey = await this.accounts.getSecret(account.id);
    if (!secretAccessKey) {
      throw new R2Error(
        'InvalidCredentials',
        { operation: 'createClient' },
        {
          message: `No secret access key is stored for "${account.name}".`,
        },
      );
    }
    const options = {
      ...this.options(account),
      endpoint: endpointConfig(account),
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey },
    };
    return { account, options };
  }

  /** Retires the clients whose account is gone or connects differently now. */
  private async replaceChanged(): Promise<void> {
    for (const [id, entry] of [...this.clients]) {
      const current = await entry.then(
        (created) => created.connection,
        () => undefined,
      );
      const account = this.accounts.get(id);
      const secretAccessKey = account ? await this.accounts.getSecret(id) : undefined;
      const wanted = account && secretAccessKey ? connectionOf(account, secretAccessKey) : undefined;
      if (current !== wanted) {
        this.retire(id, entry);
      }
    }
  }

  private retire(id: string, entry: Promise<Entry>): void {
    if (this.clients.get(id) === entry) {
      this.clients.delete(id);
    }
    entry.then(
      ({ client }) => client.retire(),
      () => undefined,
    );
  }

  /** Replaces every client (settings changed); requests running on the old ones finish. */
  clear(): void {
    for (const [id, entry] of [...this.clients]) {
      this.retire(id, entry);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    for (const entry of this.clients.values()) {
      entry.then(
        ({ client }) => client.destroy(),
        () => undefined,
      );
    }
    this.clients.clear();
  }
}
