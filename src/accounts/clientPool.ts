import type * as vscode from 'vscode';
import { R2Client, R2Error } from '../r2';
import type { R2ClientOptions } from '../r2';
import { endpointConfig } from './account';
import type { Account } from './account';
import type { AccountStore } from './accountStore';

/**
 * One R2 client per account, built on first use with the secret from SecretStorage. Any account
 * change (including a secret changed in another window) drops the clients, so the next request
 * signs with what is stored now.
 */
export class ClientPool implements vscode.Disposable {
  private readonly clients = new Map<string, Promise<R2Client>>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly accounts: AccountStore,
    /** Read for each new client, so changed settings apply after `clear()`. */
    private readonly options: () => Partial<Omit<R2ClientOptions, 'endpoint' | 'credentials'>> = () => ({}),
  ) {
    this.subscription = accounts.onDidChange(() => this.clear());
  }

  get(account: Account): Promise<R2Client> {
    let client = this.clients.get(account.id);
    if (!client) {
      client = this.create(account);
      // A failed creation (no secret yet) must not stick.
      client.catch(() => this.clients.delete(account.id));
      this.clients.set(account.id, client);
    }
    return client;
  }

  private async create(account: Account): Promise<R2Client> {
    const secretAccessKey = await this.accounts.getSecret(account.id);
    if (!secretAccessKey) {
      throw new R2Error('InvalidCredentials', { operation: 'createClient' }, {
        message: `No secret access key is stored for "${account.name}".`,
      });
    }
    return new R2Client({ ...this.options(), endpoint: endpointConfig(account), credentials: { accessKeyId: account.accessKeyId, secretAccessKey } });
  }

  /** Drops every client; the next request builds one with the current secret and settings. */
  clear(): void {
    for (const client of this.clients.values()) {
      client.then((created) => created.destroy(), () => undefined);
    }
    this.clients.clear();
  }

  dispose(): void {
    this.clear();
    this.subscription.dispose();
  }
}
