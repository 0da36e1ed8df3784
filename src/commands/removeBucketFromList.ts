import { BucketNode } from '../tree/bucketNode';
import type { Services } from './services';

/** Forgets a bucket added by name. Nothing changes in R2. */
export async function removeBucketFromList({ accounts }: Services, node?: unknown): Promise<void> {
  if (!(node instanceof BucketNode)) {
    return;
  }
  const current = accounts.get(node.account.id);
  if (current) {
    await accounts.save({ ...current, pinnedBuckets: (current.pinnedBuckets ?? []).filter((name) => name !== node.bucket) });
  }
}
