import type * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import { bucketNameProblem, childPrefix, isR2Error, listBuckets, listPage, parentPrefix } from '../r2';
import { describeDestination } from '../operations';
import type { Destination } from '../operations';
import { messages } from './messages';
import { ask, pick } from './prompts';
import { UserCancelled } from './userInterface';
import type { UserInterface } from './userInterface';

/** The only account without asking, or the one the user picks. */
export async function pickAccount(ui: UserInterface, accounts: Pick<AccountStore, 'list'>, title: string): Promise<Account> {
  const all = accounts.list();
  if (all.length === 0) {
    const choice = await ui.showMessage('info', messages.noAccounts, messages.addAccountAction);
    if (choice === messages.addAccountAction) {
      await ui.executeCommand('r2.addAccount');
    }
    throw new UserCancelled();
  }
  if (all.length === 1) {
    return all[0];
  }
  return (await pick(ui, all.map((account) => ({ label: account.name, description: account.endpoint ?? account.accountId, account })), { title })).account;
}

export async function askBucketName(ui: UserInterface, title: string, value?: string): Promise<string> {
  return ask(ui, { title, prompt: messages.bucketNamePrompt, value, validateInput: (name) => bucketNameProblem(name.trim()) });
}

/** A bucket of the account: listed when the token may list, the pinned ones otherwise, or typed. */
export async function pickBucket(ui: UserInterface, account: Account, clients: Pick<ClientPool, 'get'>, title: string): Promise<string> {
  const typeName = { label: messages.typeBucketName, alwaysShow: true, bucket: undefined };
  const items = (async () => {
    let names = [...(account.pinnedBuckets ?? [])];
    try {
      const client = await clients.get(account);
      const listed = await listBuckets(client, client.deadline());
      names = [...new Set([...listed.map((bucket) => bucket.name), ...names])];
    } catch (error) {
      if (!isR2Error(error, 'AccessDenied')) {
        throw error;
      }
    }
    return [...names.sort().map((name) => ({ label: name, bucket: name as string | undefined })), typeName];
  })();
  const picked = await pick(ui, items, { title, placeHolder: messages.bucketPlaceholder(account.name) });
  return picked.bucket ?? askBucketName(ui, title);
}

const LAST_DESTINATION_KEY = 'r2.lastDestination';

interface StoredDestination {
  accountId: string;
  bucket: string;
  prefix: string;
}

export interface DestinationDeps {
  readonly ui: UserInterface;
  readonly accounts: Pick<AccountStore, 'list' | 'get'>;
  readonly clients: Pick<ClientPool, 'get'>;
  /** Remembers the last destination (no secrets: ids and names only). */
  readonly state: vscode.Memento;
}

/** Browses the folders of a bucket one level at a time; resolves to the chosen prefix. */
async function pickFolder(ui: UserInterface, account: Account, bucket: string, clients: Pick<ClientPool, 'get'>, title: string, preview: string, start = ''): Promise<string> {
  let prefix = start;
  for (;;) {
    const here = prefix;
    const items = (async () => {
      const client = await clients.get(account);
      const page = await listPage(client, { bucket, prefix: here, pageSize: 1000 }, client.deadline());
      return [
        { label: messages.destinationHere, description: `${bucket}/${here}`, detail: `→ ${here}${preview}`, alwaysShow: true, action: 'here' as const },
        ...(here ? [{ label: '$(arrow-up) ..', description: messages.destinationUp, action: 'up' as const }] : []),
        ...page.prefixes.map((sub) => ({ label: `$(folder) ${sub.slice(here.length)}`, action: 'open' as const, prefix: sub })),
        { label: messages.destinationNewFolder, alwaysShow: true, action: 'new' as const },
      ];
    })();
    const picked = await pick(ui, items, { title, placeHolder: messages.destinationPlaceholder(`${bucket}/${here}`) });
    switch (picked.action) {
      case 'here':
        return here;
      case 'up':
        prefix = parentPrefix(here);
        break;
      case 'open':
        prefix = (picked as { prefix: string }).prefix;
        break;
      case 'new':
        prefix = childPrefix(here, await ask(ui, { title, prompt: messages.newFolderPrompt(`${bucket}/${here}`), validateInput: folderNameProblem }, { verbatim: true }));
        break;
    }
  }
}

export function folderNameProblem(name: string): string | undefined {
  return name === '' ? messages.required : name.includes('/') ? messages.folderNameSlash : undefined;
}

/**
 * Account → bucket → folder, offering the last destination first. `preview` is the first key
 * suffix to upload (shown as "→ folder/preview").
 */
export async function pickDestination(deps: DestinationDeps, title: string, preview: string): Promise<Destination> {
  const stored = deps.state.get<StoredDestination>(LAST_DESTINATION_KEY);
  const lastAccount = stored ? deps.accounts.get(stored.accountId) : undefined;
  let destination: Destination | undefined;
  if (stored && lastAccount) {
    const last = { account: lastAccount, bucket: stored.bucket, prefix: stored.prefix };
    const choice = await pick(deps.ui, [
      { label: `$(history) ${describeDestination(last)}`, description: lastAccount.name, detail: `→ ${last.prefix}${preview}`, last: true },
      { label: messages.destinationElsewhere, last: false },
    ], { title });
    destination = choice.last ? last : undefined;
  }
  if (!destination) {
    const account = await pickAccount(deps.ui, deps.accounts, title);
    const bucket = await pickBucket(deps.ui, account, deps.clients, title);
    destination = { account, bucket, prefix: await pickFolder(deps.ui, account, bucket, deps.clients, title, preview) };
  }
  await deps.state.update(LAST_DESTINATION_KEY, { accountId: destination.account.id, bucket: destination.bucket, prefix: destination.prefix } satisfies StoredDestination);
  return destination;
}
