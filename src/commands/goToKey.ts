import type { ExplorerNode } from '../tree/explorerNode';
import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/**
 * Reveals a key typed by the user, from a bucket or folder node or from the palette. A key that is
 * not there keeps the box open with the reason under it, as VS Code's own Go to Line does.
 */
export async function goToKey({ ui, accounts, clients, explorer, view }: Services, node?: unknown): Promise<void> {
  const account = isListingNode(node) ? node.account : await pickAccount(ui, accounts, 'Go to Key');
  const bucket = isListingNode(node) ? node.bucket : await pickBucket(ui, account, clients, 'Go to Key');
  let target: ExplorerNode | undefined;
  const key = await ask(
    ui,
    { title: 'Go to Key', prompt: messages.keyPrompt(bucket), value: isListingNode(node) ? node.prefix : undefined },
    {
      verbatim: true,
      accept: async (typed) => {
        target = await explorer.findKey(account.id, bucket, typed);
        return target ? undefined : messages.keyNotFound(typed, bucket);
      },
    },
  );
  if (target) {
    await view.reveal(target, { select: true, focus: true, expand: key.endsWith('/') });
  }
}
