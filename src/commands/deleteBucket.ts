import { deleteBucket as deleteR2Bucket, deletePrefix, isR2Error } from '../r2';
import { isBucketNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/**
 * Deletes an empty bucket. A bucket with objects is refused unless the user chooses to empty it
 * and types its name to confirm.
 */
export async function deleteBucket(services: Services, node?: unknown): Promise<void> {
  if (!isBucketNode(node)) {
    return;
  }
  const { ui } = services;
  const { account, bucket } = node;
  const client = await services.clients.get(account);
  if ((await ui.showModal(messages.confirmDeleteBucket(bucket), messages.deleteAction)) !== messages.deleteAction) {
    return;
  }
  try {
    await deleteR2Bucket(client, bucket, client.deadline());
  } catch (error) {
    if (!isR2Error(error, 'BucketNotEmpty')) {
      throw error;
    }
    if ((await ui.showModal(messages.bucketNotEmpty(bucket), messages.emptyAndDeleteAction)) !== messages.emptyAndDeleteAction) {
      return;
    }
    await ask(ui, { title: `Empty and Delete ${bucket}`, prompt: messages.typeBucketToConfirm(bucket), validateInput: (value) => (value === bucket ? undefined : messages.typeBucketMismatch) });
    const emptied = await ui.withProgress(messages.emptying(bucket), (signal, progress) =>
      deletePrefix(client, { bucket, prefix: '', onProgress: (deleted) => progress.report({ message: messages.deletedSoFar(deleted) }) }, signal));
    if (emptied.failed > 0) {
      throw new Error(messages.deletePartial(emptied.deleted, emptied.failed));
    }
    await deleteR2Bucket(client, bucket, client.deadline());
  }
  await services.accounts.update(account.id, (current) =>
    current.pinnedBuckets?.includes(bucket) ? { ...current, pinnedBuckets: current.pinnedBuckets.filter((name) => name !== bucket) } : current);
  services.explorer.refresh();
  void ui.showMessage('info', messages.bucketDeleted(bucket));
}
