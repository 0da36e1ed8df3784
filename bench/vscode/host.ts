// Helpers for code running inside the extension host: the session's settings, the local server's
// counters, and finding nodes of the R2 view the way a user reaches them.
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/explorerNode';
import { scriptPrompts } from '../../test/integration/support/prompts';
import type { RequestCounts } from '../localServer';
import { SESSION_ENV } from './protocol';

export const EXTENSION_ID = 'r2-explorer.r2-explorer';

export function setting(name: keyof typeof SESSION_ENV): string {
  const value = process.env[SESSION_ENV[name]];
  if (!value) {
    throw new Error(`${SESSION_ENV[name]} is not set: sessions are started by bench/run`);
  }
  return value;
}

async function control(method: 'GET' | 'POST', path: string): Promise<unknown> {
  const response = await fetch(`${setting('endpoint')}/__r2/${path}`, { method });
  if (!response.ok) {
    throw new Error(`control ${method} ${path}: ${response.status}`);
  }
  return response.status === 204 ? undefined : response.json();
}

export const serverCounts = {
  reset: async (): Promise<void> => {
    await control('POST', 'stats/reset');
  },
  read: async (): Promise<RequestCounts> => (await control('GET', 'stats')) as RequestCounts,
};

/** Adds the local server's account (or one at `endpoint`) through the real walk-through, answering its four prompts. */
export async function addAccount(api: ExtensionApi, endpoint = setting('endpoint')): Promise<ExplorerNode> {
  const prompts = scriptPrompts([endpoint, setting('accessKeyId'), setting('secretAccessKey'), 'Bench']);
  try {
    await vscode.commands.executeCommand('r2.addAccount');
  } finally {
    prompts.restore();
  }
  const [account] = await api.explorer.getChildren();
  if (!account) {
    throw new Error('the account was not added');
  }
  return account;
}

/** The bench bucket's node, found as a user would: below the account. */
export async function bucketNode(api: ExtensionApi, account: ExplorerNode): Promise<ExplorerNode> {
  const bucket = (await api.explorer.getChildren(account)).find(
    (node) => (node as { bucket?: string }).bucket === setting('bucket'),
  );
  if (!bucket) {
    throw new Error(`no bucket ${setting('bucket')}`);
  }
  return bucket;
}

/** The folder node for `prefix` in the bench bucket, found as a user would: account, bucket, folder. */
export async function folderNode(api: ExtensionApi, account: ExplorerNode, prefix: string): Promise<ExplorerNode> {
  const bucket = await bucketNode(api, account);
  const folder = (await api.explorer.getChildren(bucket)).find(
    (node) => (node as { prefix?: string }).prefix === prefix,
  );
  if (!folder) {
    throw new Error(`no folder ${prefix} in bucket ${setting('bucket')}`);
  }
  return folder;
}
