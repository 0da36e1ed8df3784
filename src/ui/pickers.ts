// The pickers of accounts, buckets, folders and objects: one bucket browser serves the last two.
import type * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import { bucketNameProblem, childPrefix, headBucket, headObject, isR2Error, listPage, parentPrefix } from '../r2';
import type { R2Object } from '../r2';
import { accountBuckets, describeDestination } from '../operations';
import type { Destination } from '../operations';
import { formatBytes, formatRelativeTime } from './format';
import { messages } from './messages';
import { ask, pick } from './prompts';
import { UserCancelled } from './userInterface';
import type { UserInterface } from './userInterface';

/** The only account without asking, or the one the user picks. */
export async function pickAccount(
  ui: UserInterface,
  accounts: Pick<AccountStore, 'list'>,
  title: string,
): Promise<Account> {
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
  return (
    await pick(
      ui,
      all.map((account) => ({ label: account.name, description: account.endpoint ?? account.accountId, account })),
      { title },
    )
  ).account;
}

export async function askBucketName(ui: UserInterface, title: string, value?: string): Promise<string> {
  return ask(ui, {
    title,
    prompt: messages.bucketNamePrompt,
    value,
    validateInput: (name) => bucketNameProblem(name.trim()),
  });
}

/** A bucket of the account: listed when the token may list, the pinned ones otherwise, or typed. */
export async function pickBucket(
  ui: UserInterface,
  account: Account,
  clients: Pick<ClientPool, 'get'>,
  title: string,
): Promise<string> {
  const typeName = { label: messages.typeBucketName, alwaysShow: true, bucket: undefined };
  const items = (async () => {
    const client = await clients.get(account);
    const { names } = await accountBuckets(client, account, client.deadline());
    return [...names.map((name) => ({ label: name, bucket: name as string | undefined })), typeName];
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

type BrowseItem = vscode.QuickPickItem &
  (
    | { action: 'here' | 'up' | 'more' | 'new' | 'typed' }
    | { action: 'folder'; prefix: string }
    | { action: 'object'; object: R2Object }
  );

interface BrowseMode {
  /** What the user chooses: a folder (the level shown, or a new one in it), or an object. */
  readonly choose: 'folder' | 'object';
  readonly title: string;
  /** Choosing a folder: the first key suffix that goes there, shown as "→ folder/preview". */
  readonly preview?: string;
  /** Choosing a folder: the item that chooses the level shown ("Upload here", "Copy here"). */
  readonly hereLabel?: string;
}

/** What a destination picker says and avoids. */
export interface DestinationOptions {
  /** The item that chooses the folder shown; "Upload here" by default. */
  readonly hereLabel?: string;
  /** Folders the items come from: the last destination is not offered when it is one of them. */
  readonly sourceFolders?: ReadonlyArray<{
    readonly accountId: string;
    readonly bucket: string;
    readonly prefix: string;
  }>;
}

/** Whether the last destination's bucket still exists; a failure other than NoSuchBucket does not hide it. */
async function bucketStillThere(clients: Pick<ClientPool, 'get'>, account: Account, bucket: string): Promise<boolean> {
  try {
    const client = await clients.get(account);
    await headBucket(client, bucket, client.deadline());
    return true;
  } catch (error) {
    return !isR2Error(error, 'NoSuchBucket');
  }
}

/**
 * The one bucket browser: a bucket one folder level at a time, as the R2 view shows it (one listing
 * page per level, more on request). Resolves to the folder chosen, or the object.
 */
async function browse(
  ui: UserInterface,
  clients: Pick<ClientPool, 'get'>,
  account: Account,
  bucket: string,
  start: string,
  mode: BrowseMode,
): Promise<{ prefix: string; object?: R2Object }> {
  const choosingFolder = mode.choose === 'folder';
  let prefix = start;
  let listedPrefix: string | undefined;
  let listed: BrowseItem[] = [];
  let token: string | undefined;
  for (;;) {
    const here = prefix;
    if (listedPrefix !== here) {
      listed = [];
      token = undefined;
    }
    const items = (async (): Promise<BrowseItem[]> => {
      if (listedPrefix !== here || token !== undefined) {
        const client = await clients.get(account);
        const page = await listPage(client, { bucket, prefix: here, token }, client.deadline());
        listed.push(
          ...page.prefixes.map((folder): BrowseItem => ({
            label: `$(folder) ${folder.slice(here.length)}`,
            action: 'folder',
            prefix: folder,
          })),
          ...(choosingFolder
            ? []
            : page.objects.map((object): BrowseItem => ({
                label: `$(file) ${object.key.slice(here.length)}`,
                description: `${formatBytes(object.size)} · ${formatRelativeTime(object.lastModified)}`,
                action: 'object',
                object,
              }))),
        );
        token = page.nextToken;
        listedPrefix = here;
      }
      return [
        ...(choosingFolder
          ? [
              {
                label: mode.hereLabel ?? messages.destinationHere,
                description: `${bucket}/${here}`,
                detail: `→ ${here}${mode.preview ?? ''}`,
                alwaysShow: true,
                action: 'here' as const,
              },
            ]
          : []),
        ...(here === ''
          ? []
          : [{ label: '$(arrow-up) ..', description: messages.browseParent, alwaysShow: true, action: 'up' as const }]),
        ...listed,
        // Filtering matches the items loaded: with more pages, say so where the user types.
        ...(token === undefined
          ? []
          : [
              {
                label: messages.browseLoadMore,
                description: messages.browseFilterLoadedOnly,
                alwaysShow: true,
                action: 'more' as const,
              },
            ]),
        ...(choosingFolder
          ? [{ label: messages.destinationNewFolder, alwaysShow: true, action: 'new' as const }]
          : [{ label: messages.browseTypeKey, alwaysShow: true, action: 'typed' as const }]),
      ];
    })();
    const placeHolder = choosingFolder
      ? messages.destinationPlaceholder(`${bucket}/${here}`)
      : token === undefined
        ? messages.browsePlaceholder(bucket, here)
        : messages.browsePlaceholderPartial(bucket, here);
    const picked = await pick(ui, items, { title: mode.title, placeHolder, matchOnDescription: false });
    switch (picked.action) {
      case 'here':
        return { prefix: here };
      case 'object':
        return { prefix: here, object: picked.object };
      case 'typed': {
        // Any key, also one past the pages loaded: the object is looked up (a missing key fails with NoSuchKey).
        const key = await ask(ui, {
          title: mode.title,
          prompt: messages.browseTypeKeyPrompt(bucket),
          value: here,
          valueSelection: [here.length, here.length],
        });
        const client = await clients.get(account);
        return { prefix: here, object: await headObject(client, { bucket, key }, client.deadline()) };
      }
      case 'folder':
        prefix = picked.prefix;
        break;
      case 'up':
        prefix = parentPrefix(here);
        break;
      case 'new':
        prefix = childPrefix(
          here,
          await ask(
            ui,
            {
              title: mode.title,
              prompt: messages.newFolderPrompt(`${bucket}/${here}`),
              validateInput: folderNameProblem,
            },
            { verbatim: true },
          ),
        );
        break;
      case 'more':
        // The same level again, with the next page appended.
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
export async function pickDestination(
  deps: DestinationDeps,
  title: string,
  preview: string,
  options: DestinationOptions = {},
): Promise<Destination> {
  const stored = deps.state.get<StoredDestination>(LAST_DESTINATION_KEY);
  const lastAccount = stored ? deps.accounts.get(stored.accountId) : undefined;
  // Not offered: the items' own folder (a copy there is a copy onto itself), nor a bucket deleted since.
  const isSource = (place: StoredDestination) =>
    (options.sourceFolders ?? []).some(
      (source) =>
        source.accountId === place.accountId && source.bucket === place.bucket && source.prefix === place.prefix,
    );
  let destination: Destination | undefined;
  if (
    stored &&
    lastAccount &&
    !isSource(stored) &&
    (await bucketStillThere(deps.clients, lastAccount, stored.bucket))
  ) {
    const last = { account: lastAccount, bucket: stored.bucket, prefix: stored.prefix };
    const choice = await pick(
      deps.ui,
      [
        {
          label: `$(history) ${describeDestination(last)}`,
          description: lastAccount.name,
          detail: `→ ${last.prefix}${preview}`,
          last: true,
        },
        { label: messages.destinationElsewhere, last: false },
      ],
      { title },
    );
    destination = choice.last ? last : undefined;
  }
  if (!destination) {
    const account = await pickAccount(deps.ui, deps.accounts, title);
    const bucket = await pickBucket(deps.ui, account, deps.clients, title);
    const { prefix } = await browse(deps.ui, deps.clients, account, bucket, '', {
      choose: 'folder',
      title,
      preview,
      hereLabel: options.hereLabel,
    });
    destination = { account, bucket, prefix };
  }
  await deps.state.update(LAST_DESTINATION_KEY, {
    accountId: destination.account.id,
    bucket: destination.bucket,
    prefix: destination.prefix,
  } satisfies StoredDestination);
  return destination;
}

export interface PickedObject {
  readonly account: Account;
  readonly bucket: string;
  readonly object: R2Object;
}

/** Where browsing for an object starts; without it the user picks the account and the bucket first. */
export interface BrowseStart {
  readonly account: Account;
  readonly bucket: string;
  readonly prefix: string;
}

/** An object chosen by browsing a bucket. */
export async function pickObject(
  deps: { ui: UserInterface; accounts: Pick<AccountStore, 'list'>; clients: Pick<ClientPool, 'get'> },
  title: string,
  start?: BrowseStart,
): Promise<PickedObject> {
  const account = start?.account ?? (await pickAccount(deps.ui, deps.accounts, title));
  const bucket = start?.bucket ?? (await pickBucket(deps.ui, account, deps.clients, title));
  const { object } = await browse(deps.ui, deps.clients, account, bucket, start?.prefix ?? '', {
    choose: 'object',
    title,
  });
  // Browsing for an object ends only when one is chosen (or the picker is dismissed).
  return { account, bucket, object: object! };
}
