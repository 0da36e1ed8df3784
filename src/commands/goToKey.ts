import * as vscode from 'vscode';
import { ListingNode } from '../tree/listingNode';
import { revealKey } from '../tree/revealKey';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/** Reveals a key typed by the user, from a bucket or folder node or from the palette. */
export async function goToKey({ accounts, clients, explorer, view }: Services, node?: unknown): Promise<void> {
  const account = node instanceof ListingNode ? node.account : await pickAccount(accounts, 'Go to Key');
  const bucket = node instanceof ListingNode ? node.bucket : await pickBucket(account, clients, 'Go to Key');
  const key = await ask({ title: 'Go to Key', prompt: messages.keyPrompt(bucket), value: node instanceof ListingNode ? node.prefix : undefined }, { verbatim: true });
  if (!(await revealKey(explorer, view, account.id, bucket, key))) {
    void vscode.window.showWarningMessage(messages.keyNotFound(key, bucket));
  }
}
