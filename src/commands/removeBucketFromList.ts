import { isBucketNode } from '../tree/nodeKinds';
import type { Services } from './services';

/** Forgets a bucket added by name. Nothing changes in R2. */
export async function removeBucketFromList({ accounts }: Services, node?: unknown): Promise<void> {
  if (!isBucketNode(node)) {
    return;
  }
  await accounts.update(node.account.id, (current) => ({
    ...current,
    pinnedBuckets: (current.pinnedBuckets ?? []).filter((name) => name !== node.bucket),
  }));
}
