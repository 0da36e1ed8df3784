import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import { bucketNameProblem, isR2Error, listBuckets } from '../r2';
import { messages } from './messages';
import { ask, pick } from './prompts';

/** The only account without asking, or the one the user picks. */
export async function pickAccount(accounts: AccountStore, title: string): Promise<Account> {
  const all = accounts.list();
  if (all.length === 0) {
    const choice = await vscode.window.showInformationMessage(messages.noAccounts, messages.addAccountAction);
    if (choice === messages.addAccountAction) {
      await vscode.commands.executeCommand('r2.addAccount');
    }
    throw new vscode.CancellationError();
  }
  if (all.length === 1) {
    return all[0];
  }
  return (await pick(all.map((account) => ({ label: account.name, description: account.endpoint ?? account.accountId, account })), { title })).account;
}

export async function askBucketName(title: string, value?: string): Promise<string> {
  return ask({ title, prompt: messages.bucketNamePrompt, value, validateInput: (name) => bucketNameProblem(name.trim()) });
}

/** A bucket of the account: listed when the token may list, the pinned ones otherwise, or typed. */
export async function pickBucket(account: Account, clients: ClientPool, title: string): Promise<string> {
  const typeName = { label: messages.typeBucketName, alwaysShow: true, bucket: undefined };
  const items = (async () => {
    let names = [...(account.pinnedBuckets ?? [])];
    try {
      const listed = await listBuckets(await clients.get(account), AbortSignal.timeout(30_000));
      names = [...new Set([...listed.map((bucket) => bucket.name), ...names])];
    } catch (error) {
      if (!isR2Error(error, 'AccessDenied')) {
        throw error;
      }
    }
    return [...names.sort().map((name) => ({ label: name, bucket: name as string | undefined })), typeName];
  })();
  const picked = await pick(items, { title, placeHolder: messages.bucketPlaceholder(account.name) });
  return picked.bucket ?? askBucketName(title);
}
