import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { publicUrl, s3Uri } from '../links/objectLinks';
import { isR2Error, objectMatchesFile, uploadFile } from '../r2';
import type { R2Client } from '../r2';
import type { Services } from '../commands/services';
import { revealKey } from '../tree/revealKey';
import { messages } from '../ui/messages';
import { withCancellableProgress } from '../ui/prompts';
import { TransferProgress } from '../ui/transferProgress';
import { askOverwrite, showTransferSummary } from '../ui/transferSummary';
import { runBatch } from './batch';
import type { ItemResult } from './batch';
import { contentTypeFor } from './contentType';
import { ConflictPolicy } from './conflicts';
import type { Destination } from './destination';
import { describeDestination } from './destination';
import { collectLocalFiles } from './localFiles';
import type { LocalFile, LocalProblem } from './localFiles';

/** The public URL when the bucket has a public base URL, otherwise the s3:// URI. */
async function copyObjectUrl(account: Account, bucket: string, key: string): Promise<void> {
  const base = account.publicBaseUrls?.[bucket];
  const url = base ? publicUrl(base, key) : s3Uri(bucket, key);
  await vscode.env.clipboard.writeText(url);
  void vscode.window.showInformationMessage(messages.urlCopied(url));
}

/**
 * Small files are many short requests, each mostly a round trip to R2: 16 in flight measured 1.6×
 * awscli (10 in flight) over a 30 ms link, where 4 were 0.6× (npm run bench, folder-latency).
 */
function uploadConcurrency(): number {
  return Math.max(1, Math.min(64, vscode.workspace.getConfiguration('r2').get<number>('uploadConcurrency', 16)));
}

/**
 * One file: created with If-None-Match: * so an existing key is never replaced without the user's
 * answer (uploadFile refuses a multipart upload with a HEAD before sending any part).
 */
async function uploadOne(client: R2Client, destination: Destination, file: LocalFile, policy: ConflictPolicy, progress: TransferProgress, signal: AbortSignal): Promise<ItemResult> {
  const { bucket } = destination;
  const key = destination.prefix + file.relativeKey;
  const type = contentTypeFor(basename(file.path));
  let sent = 0;
  const attempt = async (ifNoneMatch: '*' | undefined) => {
    progress.add(-sent);
    sent = 0;
    await uploadFile(client, {
      bucket,
      key,
      filePath: file.path,
      contentType: type,
      ifNoneMatch,
      onProgress: (bytes) => {
        progress.add(bytes - sent);
        sent = bytes;
      },
    }, signal);
  };
  try {
    await attempt('*');
    return 'done';
  } catch (error) {
    if (!isR2Error(error, 'PreconditionFailed')) {
      throw error;
    }
  }
  // Already there byte for byte (often this upload's own earlier attempt): nothing to overwrite.
  if (await objectMatchesFile(client, { bucket, key }, { path: file.path, contentType: type }, signal)) {
    progress.add(file.size - sent);
    return 'done';
  }
  if ((await policy.decide(key)) === 'skip') {
    progress.add(-sent);
    return 'skipped';
  }
  await attempt(undefined);
  return 'done';
}

/** Uploads files to one destination in parallel, under one progress notification with Cancel. */
export async function uploadFiles(services: Services, destination: Destination, files: readonly LocalFile[], problems: readonly LocalProblem[] = []): Promise<void> {
  const where = describeDestination(destination);
  const client = await services.clients.get(destination.account);
  const policy = new ConflictPolicy((key) => askOverwrite(key, destination.bucket));
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const outcome = await withCancellableProgress(messages.uploading(where), (signal, report) => {
    const progress = new TransferProgress(report, totalBytes, files.length);
    return runBatch(files, uploadConcurrency(), signal, async (file, itemSignal) => {
      const result = await uploadOne(client, destination, file, policy, progress, itemSignal);
      progress.fileDone();
      return result;
    });
  });
  services.explorer.refreshLocation(destination.account.id, destination.bucket, destination.prefix);
  const only = outcome.done[0];
  const key = only ? destination.prefix + only.relativeKey : '';
  await showTransferSummary({
    verb: 'uploaded',
    outcome,
    refused: problems.map((problem) => ({ name: problem.path, reason: problem.reason })),
    describe: (file) => file.path,
    log: services.log,
    retryFailed: (failed) => uploadFiles(services, destination, failed),
    single: [
      { title: messages.copyUrlAction, run: () => copyObjectUrl(destination.account, destination.bucket, key) },
      { title: messages.revealAction, run: () => revealKey(services.explorer, services.view, destination.account.id, destination.bucket, key) },
    ],
  });
}

/** Uploads files and folders (keeping the structure below each selected folder) to a destination. */
export async function uploadPaths(services: Services, destination: Destination, paths: readonly string[]): Promise<void> {
  const { files, problems } = await collectLocalFiles(paths);
  if (files.length === 0 && problems.length === 0) {
    void vscode.window.showInformationMessage(messages.nothingToUpload);
    return;
  }
  await uploadFiles(services, destination, files, problems);
}
