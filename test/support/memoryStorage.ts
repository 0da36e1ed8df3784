// In-memory stand-ins for VS Code's globalState (a Memento) and SecretStorage, for the account store
// and anything else that takes them. Types only from `vscode`, so they serve plain-Node unit tests
// as well as tests inside VS Code.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type * as vscode from 'vscode';

export interface MemoryStorageOptions {
  /**
   * Apply each write (and, for secrets, answer each read) one turn later, as storage behind an API
   * that returns a promise may: `get` sees an update only once it has resolved. Default: at once.
   */
  readonly deferred?: boolean;
}

async function settle(options: MemoryStorageOptions): Promise<void> {
  if (options.deferred === true) {
    await nextTurn();
  }
}

/** globalState: values by key, inspectable through `values`. */
export class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  constructor(private readonly options: MemoryStorageOptions = {}) {}

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    await settle(this.options);
    this.values.set(key, value);
  }
}

/** SecretStorage: secrets by key, inspectable through `values`; fires `onDidChange` on each change. */
export class MemorySecrets implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  private readonly listeners = new Set<(event: vscode.SecretStorageChangeEvent) => unknown>();

  constructor(private readonly options: MemoryStorageOptions = {}) {}

  readonly onDidChange: vscode.Event<vscode.SecretStorageChangeEvent> = (
    listener,
    thisArgs?: unknown,
    disposables?: vscode.Disposable[],
  ) => {
    const bound = (event: vscode.SecretStorageChangeEvent) => listener.call(thisArgs, event);
    this.listeners.add(bound);
    const disposable = { dispose: () => this.listeners.delete(bound) };
    disposables?.push(disposable);
    return disposable;
  };

  async get(key: string): Promise<string | undefined> {
    await settle(this.options);
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    await settle(this.options);
    this.values.set(key, value);
    this.fire(key);
  }

  async delete(key: string): Promise<void> {
    await settle(this.options);
    this.values.delete(key);
    this.fire(key);
  }

  private fire(key: string): void {
    for (const listener of [...this.listeners]) {
      listener({ key });
    }
  }
}
