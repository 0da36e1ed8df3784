import { abortUploads } from '../operations';
import { listIncompleteUploads } from '../r2';
import { isBucketNode } from '../tree/nodeKinds';
import { formatRelativeTime } from '../ui/format';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { presentOutcome } from '../ui/outcomePresenter';
import { barOnly, withReporter } from '../ui/progressReporter';
import { pickMany } from '../ui/prompts';
import type { Services } from './services';

const TITLE = 'Clean Up Incomplete Uploads';

/**
 * Lists the bucket's incomplete multipart uploads (left by failed aborts, crashed sessions or other
 * tools), all selected, and aborts the ones the user keeps selected: their parts are deleted.
 */
export async function cleanUpIncompleteUploads(services: Services, node?: unknown): Promise<void> {
  const { ui } = services;
  const account = isBucketNode(node) ? node.account : await pickAccount(ui, services.accounts, TITLE);
  const bucket = isBucketNode(node) ? node.bucket : await pickBucket(ui, account, services.clients, TITLE);
  const client = await services.clients.get(account);
  const uploads = await ui.withProgress(messages.listingIncompleteUploads(bucket), (signal) =>
    listIncompleteUploads(client, { bucket }, signal),
  );
  if (uploads.length === 0) {
    void ui.showMessage('info', messages.noIncompleteUploads(bucket));
    return;
  }
  const items = uploads.map((upload) => ({
    label: upload.key,
    description: upload.initiated
      ? messages.uploadStarted(formatRelativeTime(upload.initiated), upload.initiated.toLocaleString())
      : undefined,
    picked: true,
    upload,
  }));
  const chosen = (
    await pickMany(ui, items, {
      title: `${TITLE}: ${bucket}`,
      placeHolder: messages.incompleteUploadsPlaceholder(uploads.length, bucket),
    })
  ).map((item) => item.upload);
  if (chosen.length === 0) {
    return;
  }
  const outcome = await withReporter(
    ui,
    messages.removingIncompleteUploads(bucket),
    (signal, reporter) => abortUploads(client, chosen, signal, reporter),
    barOnly,
  );
  await presentOutcome(services, outcome, {
    verb: 'removed',
    summary: (counts) =>
      messages.incompleteUploadsRemoved(bucket, {
        removed: counts.done,
        failed: counts.failed,
        notDone: counts.notDone,
      }),
    describe: (upload) => upload.key,
    accountOf: () => account.id,
    logFailure: (upload, reason) =>
      `Multipart upload ${upload.uploadId} of "${upload.key}" in bucket "${bucket}" could not be removed: ${reason}`,
  });
}
