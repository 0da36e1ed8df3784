import * as vscode from 'vscode';
import type { Account } from './account';

const ACCOUNTS_KEY = 'r2.accounts';
const SECRET_PREFIX = 'r2.secret.';

/**
 * Accounts: metadata in globalState, the secret access key in SecretStorage only.
 * Fires `onDidChange` for changes made here and for secrets changed in another window.
 */
export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /**
   * Writes run one at a time. Each reads the list, changes it and writes it back, and a Memento
   * need not show an update before its promise settles: two at once would each drop the other's.
   */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.subscriptions.push(
      secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_PREFIX)) {
          this.changed.fire();
        }
      }),
    );
  }

  list(): readonly Account[] {
    return this.state.get<Account[]>(ACCOUNTS_KEY, []);
  }

  get(id: string): Account | undefined {
    return this.list().find((account) => account.id === id);
  }

  getSecret(id: string): Thenable<string | undefined> {
    return this.secrets.get(SECRET_PREFIX + id);
  }

  /** Adds or replaces an account; the secret is stored first so no account exists without one. */
  save(account: Account, secretAccessKey?: string): Promise<void> {
    return this.serialized(async () => {
      if (secretAccessKey !== undefined) {
        await this.secrets.store(SECRET_PREFIX + account.id, secretAccessKey);
      }
      await this.write(account);
    });
  }

  /**
   * Changes the stored account as it is when the change runs, not as the caller once read it, so
   * changes made at once (a rename, a pinned bucket) all stay. Nothing happens when the account is
   * gone, or when `change` returns it unchanged.
   */
  update(id: string, change: (current: Account) => Account): Promise<void> {
    return this.serialized(async () => {
      const current = this.get(id);
      const next = current && change(current);
      if (next !== undefined && next !== current) {
        await this.write(next);
      }
    });
  }

  remove(id: string): Promise<void> {
    return this.serialized(async () => {
      await this.state.update(
        ACCOUNTS_KEY,
        this.list().filter((account) => account.id !== id),
      );
      await this.secrets.delete(SECRET_PREFIX + id);
      this.changed.fire();
    });
  }

  private async write(account: Account): Promise<void> {
    const others = this.list().filter((existing) => existing.id !== account.id);
    await this.state.update(ACCOUNTS_KEY, [...others, account]);
    this.changed.fire();
  }

  private serialized(write: () => Promise<void>): Promise<void> {
    const done = this.writes.then(write);
    // A failed write is its caller's to handle; the next one runs regardless.
    this.writes = done.catch(() => undefined);
    return done;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
