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
  async save(account: Account, secretAccessKey?: string): Promise<void> {
    if (secretAccessKey !== undefined) {
      await this.secrets.store(SECRET_PREFIX + account.id, secretAccessKey);
    }
    const others = this.list().filter((existing) => existing.id !== account.id);
    await this.state.update(ACCOUNTS_KEY, [...others, account]);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.state.update(ACCOUNTS_KEY, this.list().filter((account) => account.id !== id));
    await this.secrets.delete(SECRET_PREFIX + id);
    this.changed.fire();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
