// Find Keys…: a substring or glob searched under a bucket or folder (or in every bucket of an
// account), results streaming into a quick pick as each listing page arrives, with what it cost.
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { toR2Uri } from '../fs/r2Uri';
import { accountBuckets, findKeysInBuckets } from '../operations';
import type { FoundKeys } from '../operations';
import { baseName, parentPrefix } from '../r2';
import type { R2Object } from '../r2';
import { isAccountNode, isListingNode } from '../tree/nodeKinds';
import { revealKey } from '../tree/revealKey';
import { formatAge, formatBytes } from '../ui/format';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/** Results one search shows: a quick pick of more would not help anyone. */
const MAX_RESULTS = 5_000;

interface FoundItem extends vscode.QuickPickItem {
  readonly bucket: string;
  readonly key: string;
}

/** Where to search: a bucket or folder node, an account node (every bucket), or picked from the palette. */
async function searchScope(services: Services, node: unknown) {
  if (isListingNode(node)) {
    return { account: node.account, buckets: [node.bucket], prefix: node.prefix };
  }
  const account: Account = isAccountNode(node)
    ? node.account
    : await pickAccount(services.ui, services.accounts, messages.findKeysTitle);
  if (isAccountNode(node)) {
    const client = await services.clients.get(account);
    return { account, buckets: (await accountBuckets(client, account, client.deadline())).names, prefix: '' };
  }
  return {
    account,
    buckets: [await pickBucket(services.ui, account, services.clients, messages.findKeysTitle)],
    prefix: '',
  };
}

function foundItem(bucket: string, object: R2Object, manyBuckets: boolean): FoundItem {
  const folder = parentPrefix(object.key);
  return {
    label: baseName(object.key),
    description: manyBuckets ? `${bucket}/${folder}` : folder,
    detail: `${formatBytes(object.size)} · ${formatAge(object.lastModified)}`,
    buttons: [{ iconPath: new vscode.ThemeIcon('list-tree'), tooltip: messages.revealInViewAction }],
    bucket,
    key: object.key,
  };
}

export async function findKeys(services: Services, node?: unknown): Promise<void> {
  const { ui, settings } = services;
  const scope = await searchScope(services, node);
  const where = scope.buckets.length === 1 ? `${scope.buckets[0]}/${scope.prefix}` : scope.account.name;
  const pattern = await ask(ui, {
    title: messages.findKeysTitle,
    prompt: messages.findKeysPrompt(where),
    placeHolder: messages.findKeysPlaceholder,
  });
  const maxPages = settings.get('find.maxPages', 10);
  const client = await services.clients.get(scope.account);
  const choice = await ui.showLiveQuickPick<FoundItem>(
    { title: messages.findKeysPickTitle(pattern, where), placeHolder: messages.findKeysPickPlaceholder },
    async (pick, signal) => {
      // Each bucket's find so far: the counts shown are their sums.
      const byBucket = new Map<string, FoundKeys>();
      const totals = () => {
        const finds = [...byBucket.values()];
        return {
          found: finds.reduce((sum, each) => sum + each.matches.length, 0),
          scanned: finds.reduce((sum, each) => sum + each.scanned, 0),
          requests: finds.reduce((sum, each) => sum + each.requests, 0),
        };
      };
      const result = await findKeysInBuckets(
        { client, buckets: scope.buckets, prefix: scope.prefix, pattern, maxPages, maxMatches: MAX_RESULTS },
        signal,
        (bucket, page, pageMatches) => {
          byBucket.set(bucket, page);
          pick.add(pageMatches.map((object) => foundItem(bucket, object, scope.buckets.length > 1)));
          pick.status(messages.findKeysProgress(totals()));
        },
      );
      const complete = result.notSearched.length === 0 && result.results.every((each) => each.nextToken === undefined);
      pick.status(messages.findKeysDone({ ...totals(), complete, maxPages }));
    },
  );
  if (!choice) {
    return;
  }
  const { item, button } = choice;
  if (button === 0) {
    await revealKey(services.explorer, services.view, scope.account.id, item.bucket, item.key);
  } else {
    await ui.executeCommand(
      'r2.openObject',
      toR2Uri({ accountId: scope.account.id, bucket: item.bucket, key: item.key }),
    );
  }
}
