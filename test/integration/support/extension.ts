// The extension under test and the local R2 server behind it (started by test/runTests.ts, which
// passes its endpoint and keys in the environment).
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import { createBucket, deleteBucket, deletePrefix, R2Client } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import type { R2Fault } from '../../support/r2server';
import { scriptPrompts } from './prompts';

export const EXTENSION_ID = 'r2-explorer.r2-explorer';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the suite through test/runTests.ts`);
  }
  return value;
}

export const server = {
  endpoint: required('R2_TEST_ENDPOINT'),
  admin: { accessKeyId: required('R2_TEST_ACCESS_KEY_ID'), secretAccessKey: required('R2_TEST_SECRET_ACCESS_KEY') },
  scoped: {
    accessKeyId: required('R2_TEST_SCOPED_ACCESS_KEY_ID'),
    secretAccessKey: required('R2_TEST_SCOPED_SECRET_ACCESS_KEY'),
    bucket: required('R2_TEST_SCOPED_BUCKET'),
  },
  revocable: {
    accessKeyId: required('R2_TEST_REVOCABLE_ACCESS_KEY_ID'),
    secretAccessKey: required('R2_TEST_REVOCABLE_SECRET_ACCESS_KEY'),
  },
  /** May read but not write, as R2's read-only tokens. */
  readOnly: {
    accessKeyId: required('R2_TEST_READONLY_ACCESS_KEY_ID'),
    secretAccessKey: required('R2_TEST_READONLY_SECRET_ACCESS_KEY'),
  },
};

/** A client of the test's own, to arrange buckets and objects and check results behind the UI. */
export function adminClient(): R2Client {
  return new R2Client({ endpoint: { kind: 'custom', url: server.endpoint }, credentials: server.admin });
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.endpoint}/__r2/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? undefined : response.json();
}

export const faults = {
  inject: (fault: R2Fault) => control('POST', 'faults', fault),
  clear: () => control('DELETE', 'faults'),
  /** The server refuses connections for `ms`, as if stopped and started again. */
  outage: (ms: number) => control('POST', 'outage', { ms }),
  /** The key stops working, as when its token is revoked. */
  revoke: (accessKeyId: string) => control('POST', 'revoke', { accessKeyId }),
};

export const requests = {
  reset: () => control('POST', 'stats/reset'),
  /** Requests per S3 operation since the last reset. */
  byOperation: async () => ((await control('GET', 'stats')) as { operations: Record<string, number> }).operations,
};

export async function api(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not installed in the test host`);
  }
  return extension.activate();
}

export async function children(node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await api()).explorer.getChildren(node);
}

/**
 * The row's label, and for a folder its prefix segment (`docs/`, or `/` for an empty segment): the
 * view shows a folder's name alone (`docs`), and tests tell it from an object named `docs` this way.
 */
export function label(node: ExplorerNode): string {
  const item = node.getTreeItem();
  if (item.contextValue?.startsWith('r2.prefix')) {
    const { prefix } = node as unknown as { prefix: string };
    const parent = node.getParent() as unknown as { prefix?: string };
    return prefix.slice(parent.prefix?.length ?? 0);
  }
  const value = item.label;
  return typeof value === 'string' ? value : (value?.label ?? '');
}

/** The child whose label is `name` (`name/` for a folder); fails the test when there is none. */
export async function child(parent: ExplorerNode | undefined, name: string): Promise<ExplorerNode> {
  const all = await children(parent);
  const found = all.find((node) => label(node) === name);
  if (!found) {
    throw new Error(`no child "${name}" under ${parent?.id ?? 'the root'}; children: ${all.map(label).join(', ')}`);
  }
  return found;
}

/** Adds an account for the local server through the real walk-through. */
export async function addServerAccount(
  name: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = server.admin,
): Promise<ExplorerNode> {
  const prompts = scriptPrompts([server.endpoint, credentials.accessKeyId, credentials.secretAccessKey, name]);
  try {
    await vscode.commands.executeCommand('r2.addAccount');
  } finally {
    prompts.restore();
  }
  return child(undefined, name);
}

/** Removes every account, as a user would, confirming each. */
export async function removeAllAccounts(): Promise<void> {
  for (const node of await children()) {
    const prompts = scriptPrompts([], 'Remove');
    try {
      await vscode.commands.executeCommand('r2.removeAccount', node);
    } finally {
      prompts.restore();
    }
  }
}

/**
 * A suite's buckets, created before its tests (call it before the suite's own `before`, which fills
 * them). After the tests the suite's accounts are removed and the buckets emptied and deleted.
 */
export function useBuckets(...buckets: string[]): void {
  const client = adminClient();
  const signal = () => AbortSignal.timeout(300_000);
  before(async () => {
    for (const bucket of buckets) {
      await createBucket(client, { bucket }, signal());
    }
  });
  after(async () => {
    await removeAllAccounts();
    for (const bucket of buckets) {
      await deletePrefix(client, { bucket, prefix: '' }, signal());
      await deleteBucket(client, bucket, signal());
    }
  });
}
