import { isListingNode } from '../tree/nodeKinds';
import { revealKey } from '../tree/revealKey';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/** Reveals a key typed by the user, from a bucket or folder node or from the palette. */
export async function goToKey({ ui, accounts, clients, explorer, view }: Services, node?: unknown): Promise<void> {
  const account = isListingNode(node) ? node.account : await pickAccount(ui, accounts, 'Go to Key');
  const bucket = isListingNode(node) ? node.bucket : await pickBucket(ui, account, clients, 'Go to Key');
  const key = await ask(
    ui,
    { title: 'Go to Key', prompt: messages.keyPrompt(bucket), value: isListingNode(node) ? node.prefix : undefined },
    { verbatim: true },
  );
  if (!(await revealKey(explorer, view, account.id, bucket, key))) {
    void ui.showMessage('warning', messages.keyNotFound(key, bucket));
  }
}
