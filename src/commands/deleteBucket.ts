import { deleteBucket as deleteR2Bucket, emptyAndDeleteBucket } from '../operations';
import { isBucketNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { withReporter } from '../ui/progressReporter';
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
  let outcome = await deleteR2Bucket({ client, account, bucket }, client.deadline());
  if (outcome.failed.some((failure) => failure.code === 'BucketNotEmpty')) {
    if (
      (await ui.showModal(messages.bucketNotEmpty(bucket), messages.emptyAndDeleteAction)) !==
      messages.emptyAndDeleteAction
    ) {
      return;
    }
    await ask(ui, {
      title: `Empty and Delete ${bucket}`,
      prompt: messages.typeBucketToConfirm(bucket),
      validateInput: (value) => (value === bucket ? undefined : messages.typeBucketMismatch),
    });
    outcome = await withReporter(
      ui,
      messages.emptying(bucket),
      (signal, reporter) => emptyAndDeleteBucket({ client, account, bucket }, signal, reporter),
      (progress) => messages.deletedSoFar(progress.itemsDone),
    );
  }
  const [failure] = outcome.failed;
  if (failure) {
    // Objects that could not be deleted keep the bucket: the command fails with how many.
    throw failure.error;
  }
  await services.accounts.update(account.id, (current) =>
    current.pinnedBuckets?.includes(bucket)
      ? { ...current, pinnedBuckets: current.pinnedBuckets.filter((name) => name !== bucket) }
      : current,
  );
  services.changes.fire(outcome.changed);
  void ui.showMessage('info', messages.bucketDeleted(bucket));
}
