import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import type { Services } from './services';
import { pickPair, runSync } from './syncFlow';
import { savedPairs } from './syncPairs';

/**
 * Runs a saved sync in one step (its options saved with it; the plan is still shown): from the
 * palette, any saved one; from a bucket or folder node, those of that folder.
 */
export async function runSavedSync(services: Services, node?: unknown): Promise<void> {
  const all = savedPairs(services);
  const pairs = isListingNode(node)
    ? all.filter(
        (pair) => pair.accountId === node.account.id && pair.bucket === node.bucket && pair.prefix === node.prefix,
      )
    : all;
  if (pairs.length === 0) {
    const where = isListingNode(node) ? `${node.bucket}/${node.prefix}` : undefined;
    void services.ui.showMessage('info', where ? messages.syncNoSavedPairHere(where) : messages.syncNoSavedPairs);
    return;
  }
  const pair = await pickPair(services, pairs);
  const account = services.accounts.get(pair.accountId);
  if (account === undefined) {
    void services.ui.showMessage('info', messages.syncAccountGone(`${pair.bucket}/${pair.prefix}`));
    return;
  }
  await runSync(services, { pair, account, askOptions: false });
}
