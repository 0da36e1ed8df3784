import { isAccountNode } from '../tree/nodeKinds';
import { pickAccount } from '../ui/pickers';
import { runAccountWalkthrough } from './addAccount';
import type { Services } from './services';

/** Walks through the account again (secret re-entered), validates, and replaces it in place. */
export async function editAccount(services: Services, node?: unknown): Promise<void> {
  const account = isAccountNode(node)
    ? node.account
    : await pickAccount(services.ui, services.accounts, 'Edit R2 Account');
  await runAccountWalkthrough(services, `Edit ${account.name}`, {
    id: account.id,
    location: account.endpoint ?? account.accountId,
    jurisdiction: account.jurisdiction,
    accessKeyId: account.accessKeyId,
    name: account.name,
  });
}
