// Commands in plain Node: the Services they take, built from the scripted UI (test/support/fakeUi.ts),
// the S3 test server's client, and small in-memory stand-ins for what VS Code holds.
import assert from 'node:assert/strict';
import type { Account } from '../../../src/accounts/account';
import type { Services } from '../../../src/commands/services';
import { ObjectChanges } from '../../../src/operations';
import type { ChangedPlace } from '../../../src/operations';
import { listPage, putObject } from '../../../src/r2';
import type { R2Client, R2Object } from '../../../src/r2';
import type { AccountNode } from '../../../src/tree/accountNode';
import type { ListingNode } from '../../../src/tree/listingNode';
import type { ObjectNode } from '../../../src/tree/objectNode';
import { FakeUi } from '../../support/fakeUi';
import { MemoryMemento } from '../../support/memoryStorage';
import { s3env } from '../../support/s3env';
import { live, newClient } from '../r2/helpers';

/** The account of the S3 test server, as a user would have added it. */
export function serverAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'test-account',
    name: 'Test',
    jurisdiction: 'default',
    endpoint: s3env().endpoint,
    forcePathStyle: true,
    accessKeyId: s3env().credentials.accessKeyId,
    ...overrides,
  };
}

/** A client of the test server with a key that may read but not write, as R2's read-only tokens. */
export function readOnlyClient(): R2Client {
  const { readOnly } = s3env();
  if (readOnly === undefined) {
    throw new Error('the commands tests run against the in-process local server, which has a read-only key');
  }
  return newClient({}, readOnly);
}

/** The account store's part that commands use, over a plain list. */
export class MemoryAccounts {
  readonly secrets = new Map<string, string>();

  constructor(public accounts: Account[] = []) {}

  list(): readonly Account[] {
    return this.accounts;
  }

  get(id: string): Account | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  async getSecret(id: string): Promise<string | undefined> {
    return this.secrets.get(id);
  }

  async save(account: Account, secretAccessKey?: string): Promise<void> {
    if (secretAccessKey !== undefined) {
      this.secrets.set(account.id, secretAccessKey);
    }
    this.accounts = [...this.accounts.filter((existing) => existing.id !== account.id), account];
  }

  async update(id: string, change: (current: Account) => Account): Promise<void> {
    const current = this.get(id);
    if (current) {
      await this.save(change(current));
    }
  }

  async remove(id: string): Promise<void> {
    this.accounts = this.accounts.filter((account) => account.id !== id);
    this.secrets.delete(id);
  }
}

/** The log channel, keeping its lines. */
export class MemoryLog {
  readonly lines: string[] = [];
  shown = false;

  error(message: string): void {
    this.lines.push(`error ${message}`);
  }

  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }

  info(message: string): void {
    this.lines.push(`info ${message}`);
  }

  show(): void {
    this.shown = true;
  }
}

export interface TestServices extends Services {
  readonly fakeAccounts: MemoryAccounts;
  readonly fakeLog: MemoryLog;
  readonly fakeState: MemoryMemento;
  /** Every place announced as changed, in order. */
  readonly changedPlaces: ChangedPlace[];
}

/**
 * Services for a command under test: `ui` answers its prompts, every account gets `client`, and
 * the view's selection is `selection`.
 */
export function testServices(
  ui: FakeUi,
  client: R2Client,
  options: { accounts?: Account[]; selection?: unknown[]; settings?: Record<string, unknown> } = {},
): TestServices {
  const fakeAccounts = new MemoryAccounts(options.accounts ?? [serverAccount()]);
  const fakeLog = new MemoryLog();
  const fakeState = new MemoryMemento();
  const changes = new ObjectChanges();
  const changedPlaces: ChangedPlace[] = [];
  changes.onDidChange((places) => changedPlaces.push(...places));
  const services = {
    ui,
    accounts: fakeAccounts,
    clients: { get: async () => client },
    explorer: { findKey: async () => undefined, refresh: () => undefined, redraw: () => undefined },
    view: { selection: options.selection ?? [], reveal: async () => undefined },
    viewState: { filters: new Map<string, string>() },
    log: fakeLog,
    state: fakeState,
    workspaceState: new MemoryMemento(),
    settings: { get: <T>(name: string, fallback: T): T => (options.settings?.[name] as T | undefined) ?? fallback },
    changes,
  };
  return { ...(services as unknown as Services), fakeAccounts, fakeLog, fakeState, changedPlaces };
}

/** What the view passes for a bucket or a folder. */
export function folderNode(account: Account, bucket: string, prefix = ''): ListingNode {
  return {
    kind: prefix === '' ? 'bucket' : 'prefix',
    id: `${account.id}/${bucket}/${prefix}`,
    account,
    bucket,
    prefix,
  } as unknown as ListingNode;
}

/** What the view passes for an object, as listed. */
export function objectNode(account: Account, bucket: string, object: R2Object): ObjectNode {
  return {
    kind: 'object',
    id: `${account.id}/${bucket}/${object.key}`,
    account,
    bucket,
    key: object.key,
    object,
  } as unknown as ObjectNode;
}

/** Writes an object (its key as its body, unless given) and returns its node, as the view lists it. */
export async function writtenNode(
  client: R2Client,
  bucket: string,
  key: string,
  body = key,
  metadata?: Record<string, string>,
): Promise<ObjectNode> {
  await putObject(client, { bucket, key, body, metadata }, live);
  const [object] = (await listPage(client, { bucket, prefix: key, delimiter: '' }, live)).objects;
  return objectNode(serverAccount(), bucket, object);
}

export function accountNode(account: Account): AccountNode {
  return { kind: 'account', id: `account:${account.id}`, account } as unknown as AccountNode;
}

/** Runs a command with nothing scripted, and asserts that it neither asked nor showed anything. */
export async function assertQuiet(client: R2Client, run: (services: TestServices) => Promise<unknown>): Promise<void> {
  const ui = new FakeUi();
  await run(testServices(ui, client));
  ui.assertDone();
  assert.deepEqual({ asked: ui.asked, shown: ui.shown }, { asked: [], shown: [] });
}
