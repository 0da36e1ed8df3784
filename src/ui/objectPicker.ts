import type * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import { listPage, parentPrefix } from '../r2';
import type { R2Object } from '../r2';
import { formatBytes, formatRelativeTime } from './format';
import { messages } from './messages';
import { pickAccount, pickBucket } from './pickers';
import { pick } from './prompts';
import type { UserInterface } from './userInterface';

export interface PickedObject {
  readonly account: Account;
  readonly bucket: string;
  readonly object: R2Object;
}

type Item = vscode.QuickPickItem & ({ action: 'up' | 'more' } | { action: 'folder'; prefix: string } | { action: 'object'; object: R2Object });

/** Where browsing starts; without it the user picks the account and the bucket first. */
export interface BrowseStart {
  readonly account: Account;
  readonly bucket: string;
  readonly prefix: string;
}

/**
 * An object chosen by browsing a bucket one folder level at a time (one listing page per level,
 * more on request), as the R2 view does.
 */
export async function pickObject(deps: { ui: UserInterface; accounts: Pick<AccountStore, 'list'>; clients: Pick<ClientPool, 'get'> }, title: string, start?: BrowseStart): Promise<PickedObject> {
  const account = start?.account ?? (await pickAccount(deps.ui, deps.accounts, title));
  const bucket = start?.bucket ?? (await pickBucket(deps.ui, account, deps.clients, title));
  let prefix = start?.prefix ?? '';
  let items: Item[] = [];
  let token: string | undefined;
  let listedPrefix: string | undefined;
  for (;;) {
    if (listedPrefix !== prefix) {
      items = [];
      token = undefined;
    }
    const here = prefix;
    const listing = (async () => {
      if (listedPrefix !== here || token !== undefined) {
        const client = await deps.clients.get(account);
        const page = await listPage(client, { bucket, prefix: here, token }, client.deadline());
        items = items.filter((item) => item.action !== 'more');
        items.push(
          ...page.prefixes.map((folder): Item => ({ label: `$(folder) ${folder.slice(here.length)}`, action: 'folder', prefix: folder })),
          ...page.objects.map((object): Item => ({
            label: `$(file) ${object.key.slice(here.length)}`,
            description: `${formatBytes(object.size)} · ${formatRelativeTime(object.lastModified)}`,
            action: 'object',
            object,
          })),
        );
        token = page.nextToken;
        if (token !== undefined) {
          items.push({ label: messages.browseLoadMore, alwaysShow: true, action: 'more' });
        }
        listedPrefix = here;
      }
      const up: Item[] = here === '' ? [] : [{ label: '$(arrow-up) ..', description: messages.browseParent, alwaysShow: true, action: 'up' }];
      return [...up, ...items];
    })();
    const picked = await pick(deps.ui, listing, { title, placeHolder: messages.browsePlaceholder(bucket, here), matchOnDescription: false });
    switch (picked.action) {
      case 'object':
        return { account, bucket, object: picked.object };
      case 'folder':
        prefix = picked.prefix;
        break;
      case 'up':
        prefix = parentPrefix(here);
        break;
      case 'more':
        // The same level again, with the next page appended.
        break;
    }
  }
}
