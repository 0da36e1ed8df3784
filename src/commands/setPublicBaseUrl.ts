import { isBucketNode } from '../tree/nodeKinds';
import { confirmDone } from '../ui/confirm';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

function urlProblem(value: string): string | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  try {
    return new URL(value.trim()).protocol === 'https:' ? undefined : messages.publicUrlInvalid;
  } catch {
    return messages.publicUrlInvalid;
  }
}

/** Remembers the bucket's public base URL (r2.dev or custom domain), which S3 cannot tell. */
export async function setPublicBaseUrl({ ui, accounts, clients }: Services, node?: unknown): Promise<void> {
  const account = isBucketNode(node) ? node.account : await pickAccount(ui, accounts, 'Set Public URL');
  const bucket = isBucketNode(node) ? node.bucket : await pickBucket(ui, account, clients, 'Set Public URL');
  const value = await ask(ui, {
    title: `Public URL of ${bucket}`,
    prompt: messages.publicUrlPrompt(bucket),
    value: account.publicBaseUrls?.[bucket],
    placeHolder: 'https://pub-…r2.dev or https://assets.example.com',
    validateInput: urlProblem,
  });
  const url = value.trim().replace(/\/+$/, '');
  await accounts.update(account.id, (current) => {
    const publicBaseUrls = { ...current.publicBaseUrls };
    if (url === '') {
      delete publicBaseUrls[bucket];
    } else {
      publicBaseUrls[bucket] = url;
    }
    return { ...current, publicBaseUrls };
  });
  confirmDone(ui, url === '' ? messages.publicUrlRemoved(bucket) : messages.publicUrlSet(bucket, url));
}
