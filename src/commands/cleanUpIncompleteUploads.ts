import { abortIncompleteUpload, listIncompleteUploads } from '../r2';
import type { IncompleteUpload } from '../r2';
import { runBatch } from '../operations/batch';
import { isBucketNode } from '../tree/nodeKinds';
import { formatRelativeTime } from '../ui/format';
import { messages } from '../ui/messages';
import { pickAccount, pickBucket } from '../ui/pickers';
import { pickMany } from '../ui/prompts';
import { redact } from '../ui/redact';
import type { Services } from './services';

const TITLE = 'Clean Up Incomplete Uploads';

/** Aborting is free (no Class A operation) and quick: a few at a time keep a long list short. */
const ABORT_CONCURRENCY = 8;

/**
 * Lists the bucket's incomplete multipart uploads (left by failed aborts, crashed sessions or other
 * tools), all selected, and aborts the ones the user keeps selected: their parts are deleted.
 */
export async function cleanUpIncompleteUploads(services: Services, node?: unknown): Promise<void> {
  const { ui } = services;
  const account = isBucketNode(node) ? node.account : await pickAccount(ui, services.accounts, TITLE);
  const bucket = isBucketNode(node) ? node.bucket : await pickBucket(ui, account, services.clients, TITLE);
  const client = await services.clients.get(account);
  const uploads = await ui.withProgress(messages.listingIncompleteUploads(bucket), (signal) => listIncompleteUploads(client, { bucket }, signal));
  if (uploads.length === 0) {
    void ui.showMessage('info', messages.noIncompleteUploads(bucket));
    return;
  }
  const items = uploads.map((upload) => ({
    label: upload.key,
    description: upload.initiated ? messages.uploadStarted(formatRelativeTime(upload.initiated), upload.initiated.toLocaleString()) : undefined,
    picked: true,
    upload,
  }));
  const chosen = (await pickMany(ui, items, { title: `${TITLE}: ${bucket}`, placeHolder: messages.incompleteUploadsPlaceholder(uploads.length, bucket) })).map((item) => item.upload);
  if (chosen.length === 0) {
    return;
  }
  const outcome = await ui.withProgress(messages.removingIncompleteUploads(bucket), (signal, progress) =>
    runBatch<IncompleteUpload>(chosen, ABORT_CONCURRENCY, signal, async (upload, itemSignal) => {
      await abortIncompleteUpload(client, upload, itemSignal);
      progress.report({ increment: 100 / chosen.length });
      return 'done';
    }));
  for (const { item, error } of outcome.failed) {
    services.log.error(`Multipart upload ${item.uploadId} of "${item.key}" in bucket "${bucket}" could not be removed: ${redact(error instanceof Error ? error.message : String(error))}`);
  }
  const text = messages.incompleteUploadsRemoved(bucket, { removed: outcome.done.length, failed: outcome.failed.length, notDone: outcome.notDone.length });
  if (outcome.failed.length === 0) {
    void ui.showMessage('info', text);
    return;
  }
  if ((await ui.showMessage('warning', text, messages.showLogAction)) === messages.showLogAction) {
    services.log.show();
  }
}
