import type { Account } from '../accounts/account';
import { messages } from '../ui/messages';
import { pickAccount } from '../ui/pickers';
import { describeLocation, runAccountWalkthrough } from './addAccount';
import type { Services } from './services';

/**
 * The account to edit: the one of a row (an account row, or an error row whose credentials
 * stopped working), the one a notification names by id, or else one picked from all of them.
 */
async function accountToEdit({ ui, accounts }: Services, target: unknown): Promise<Account> {
  const id = typeof target === 'string' ? target : (target as { account?: Partial<Account> } | undefined)?.account?.id;
  if (id === undefined) {
    return pickAccount(ui, accounts, 'Edit R2 Account');
  }
  // The stored account as it is now: the row's copy may predate a change made meanwhile.
  const account = accounts.get(id);
  if (!account) {
    throw new Error(messages.accountGone);
  }
  return account;
}

/**
 * Walks through the account again, every field prefilled (the secret may be left empty to keep
 * it), validates, and replaces it in place.
 */
export async function editAccount(services: Services, target?: unknown): Promise<void> {
  const account = await accountToEdit(services, target);
  const edited = await runAccountWalkthrough(services, `Edit ${account.name}`, {
    id: account.id,
    // The endpoint URL, which names the jurisdiction: no jurisdiction question unless the user asks
    // for one by typing a bare account ID.
    location: describeLocation(account),
    jurisdiction: account.jurisdiction,
    accessKeyId: account.accessKeyId,
    name: account.name,
  });
  if (edited) {
    void services.ui.showMessage('info', messages.accountUpdated(edited.name));
  }
}
