import { basename } from 'node:path';
import type { Account } from '../accounts/account';
import { publicUrl, s3Uri } from '../links/objectLinks';
import { describeDestination, isEmpty, uploadFiles, uploadPaths } from '../operations';
import type { Destination, LocalFile, Outcome } from '../operations';
import { isListingNode } from '../tree/nodeKinds';
import { revealKey } from '../tree/revealKey';
import { ModalAsker } from '../ui/asker';
import { copyAndConfirm } from '../ui/confirm';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { pickDestination } from '../ui/pickers';
import { withReporter } from '../ui/progressReporter';
import { pickLocalPaths } from '../ui/prompts';
import { isUri, isUriList } from './commandArgs';
import { nameTemplateSetting, UPLOAD_NAME_TEMPLATE } from './nameTemplateSetting';
import { refusesWrite } from './readOnly';
import type { Services } from './services';

/**
 * "Upload to R2" from everywhere it appears: Explorer right-click (the clicked Uri and the
 * selection), a bucket or folder node (files picked in a dialog, or dropped on it), or the palette.
 */
export async function upload(services: Services, target?: unknown, selection?: unknown): Promise<void> {
  if (isListingNode(target)) {
    // A drop on a read-only account's folder (menus hide Upload there already).
    if (refusesWrite(services.ui, [target])) {
      return;
    }
    const uris = isUriList(selection)
      ? selection
      : await pickLocalPaths(services.ui, `Upload to ${target.bucket}/${target.prefix}`);
    await uploadTo(
      services,
      { account: target.account, bucket: target.bucket, prefix: target.prefix },
      uris.map((uri) => uri.fsPath),
    );
    return;
  }
  const uris = isUriList(selection)
    ? selection
    : isUri(target)
      ? [target]
      : await pickLocalPaths(services.ui, 'Upload to R2');
  const preview = `${basename(uris[0].fsPath)}${uris.length > 1 ? ` and ${uris.length - 1} more` : ''}`;
  const destination = await pickDestination(services, 'Upload to R2', preview);
  await uploadTo(
    services,
    destination,
    uris.map((uri) => uri.fsPath),
  );
}

/**
 * Small files are many short requests, each mostly a round trip to R2: 16 in flight measured 1.6×
 * awscli (10 in flight) over a 30 ms link, where 4 were 0.6× (npm run bench, folder-latency).
 */
function uploadConcurrency({ settings }: Services): number {
  return Math.max(1, Math.min(64, settings.get('uploadConcurrency', 16)));
}

/** Uploads files and folders to a destination under one progress notification, then shows the summary. */
export async function uploadTo(services: Services, destination: Destination, paths: readonly string[]): Promise<void> {
  const { ui } = services;
  const name = nameTemplateSetting(services, UPLOAD_NAME_TEMPLATE);
  const input = { clients: services.clients, destination, paths, name, concurrency: uploadConcurrency(services) };
  const outcome = await withReporter(ui, messages.uploading(describeDestination(destination)), (signal, reporter) =>
    uploadPaths(input, signal, new ModalAsker(ui), reporter),
  );
  if (isEmpty(outcome)) {
    void ui.showMessage('info', messages.nothingToUpload);
    return;
  }
  await uploaded(services, destination, outcome);
}

/** Uploads files already named (a retry, a pasted image) under one progress notification, then shows the summary. */
export async function uploadFilesTo(
  services: Services,
  destination: Destination,
  files: readonly LocalFile[],
): Promise<void> {
  const { ui } = services;
  const input = { clients: services.clients, destination, files, concurrency: uploadConcurrency(services) };
  const outcome = await withReporter(ui, messages.uploading(describeDestination(destination)), (signal, reporter) =>
    uploadFiles(input, signal, new ModalAsker(ui), reporter),
  );
  await uploaded(services, destination, outcome);
}

async function uploaded(services: Services, destination: Destination, outcome: Outcome<LocalFile>): Promise<void> {
  services.changes.fire(outcome.changed);
  const only = outcome.done[0];
  const key = only ? destination.prefix + only.relativeKey : '';
  await presentOutcome(services, outcome, {
    verb: 'uploaded',
    summary: (counts) =>
      counts.done > 0 && counts.skipped + counts.failed + counts.notDone === 0
        ? messages.uploadedTo(counts.done, describeDestination(destination), only?.relativeKey)
        : messages.transferSummary('uploaded', counts),
    describe: (file) => file.path,
    accountOf: () => destination.account.id,
    retryFailed: (failed) => uploadFilesTo(services, destination, failed),
    single: [
      {
        title: messages.copyUrlAction,
        run: () => copyObjectUrl(services, destination.account, destination.bucket, key),
      },
      {
        title: messages.revealAction,
        run: () => revealKey(services.explorer, services.view, destination.account.id, destination.bucket, key),
      },
    ],
  });
}

/** The public URL when the bucket has a public base URL, otherwise the s3:// URI. */
async function copyObjectUrl({ ui }: Services, account: Account, bucket: string, key: string): Promise<void> {
  const base = account.publicBaseUrls?.[bucket];
  const url = base ? publicUrl(base, key) : s3Uri(bucket, key);
  await copyAndConfirm(ui, url);
}
