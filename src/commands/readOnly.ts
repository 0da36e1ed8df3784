// Write commands reached by a key (Delete, F2, Ctrl+X, Ctrl+V) or a drop, which menus' `when` clauses
// cannot hide: on an account whose token was found read-only, they say so before asking anything.
import { messages } from '../ui/messages';
import type { UserInterface } from '../ui/userInterface';

/** True (and the user told why) when any of the nodes belongs to a read-only account. */
export function refusesWrite(ui: UserInterface, nodes: readonly unknown[]): boolean {
  const account = nodes
    .map((node) => (node as { account?: { name: string; readOnly?: boolean } } | undefined)?.account)
    .find((each) => each?.readOnly === true);
  if (account) {
    void ui.showMessage('info', messages.readOnlyRefused(account.name));
  }
  return account !== undefined;
}
