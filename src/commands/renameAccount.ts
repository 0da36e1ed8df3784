import { isAccountNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pickAccount } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

export async function renameAccount({ ui, accounts }: Services, node?: unknown): Promise<void> {
  const account = isAccountNode(node) ? node.account : await pickAccount(ui, accounts, 'Rename R2 Account');
  const name = await ask(ui, { title: `Rename ${account.name}`, prompt: messages.renamePrompt, value: account.name });
  // The stored account as it is now: the node's copy may predate a change made meanwhile.
  await accounts.update(account.id, (current) => ({ ...current, name }));
}
