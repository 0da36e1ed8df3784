import { isAccountNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pickAccount } from '../ui/pickers';
import type { Services } from './services';

export async function removeAccount({ ui, accounts }: Services, node?: unknown): Promise<void> {
  const account = isAccountNode(node) ? node.account : await pickAccount(ui, accounts, 'Remove R2 Account');
  const answer = await ui.showModal(messages.confirmRemoveAccount(account.name), messages.removeAction);
  if (answer === messages.removeAction) {
    await accounts.remove(account.id);
  }
}
