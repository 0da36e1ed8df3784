import { lstat } from 'node:fs/promises';
import type { Account } from '../accounts/account';
import type { Services } from '../commands/services';
import { downloadFile } from '../r2';
import { messages } from '../ui/messages';
import { TransferProgress } from '../ui/transferProgress';
import { askOverwrite, showTransferSummary } from '../ui/transferSummary';
import { runBatch } from './batch';
import { ConflictPolicy } from './conflicts';
import { planLocalPaths } from './localPaths';
import { objectsUnder } from './objectsUnder';

/** One object to download and the key path below the chosen folder it is written to. */
export interface DownloadItem {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly relativePath: string;
}

/** What to download: single objects, and whole folders (their name kept as a sub-folder). */
export type DownloadSource =
  | { kind: 'object'; account: Account; bucket: string; key: string; size: number }
  | { kind: 'folder'; account: Account; bucket: string; prefix: string };

function lastSegment(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Whether to ask before writing: a file is there. A link is not asked about: downloadFile refuses it. */
async function fileExists(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  return info !== undefined && !info.isSymbolicLink();
}

/** Expands folders into their objects (listing page by page). Folder markers have no file. */
async function expand(services: Services, sources: readonly DownloadSource[], signal: AbortSignal): Promise<DownloadItem[]> {
  const items: DownloadItem[] = [];
  for (const source of sources) {
    if (source.kind === 'object') {
      items.push({ ...source, relativePath: lastSegment(source.key) });
      continue;
    }
    const client = await services.clients.get(source.account);
    const folderName = source.prefix === '' ? source.bucket : lastSegment(source.prefix);
    for await (const page of objectsUnder(client, source.bucket, source.prefix, signal)) {
      for (const object of page.filter((candidate) => !candidate.key.endsWith('/'))) {
        items.push({ account: source.account, bucket: source.bucket, key: object.key, size: object.size, relativePath: `${folderName}/${object.key.slice(source.prefix.length)}` });
      }
    }
  }
  return items;
}

/**
 * Downloads into `folder`, streaming each object to a temporary file renamed into place, so a
 * failure or Cancel never leaves a half file. Keys that are not safe file names, or that would be
 * the same file as another key on this disk, are reported, never written; nothing lands outside the
 * chosen folder, not even through a symbolic link in it.
 */
export async function downloadTo(services: Services, folder: string, sources: readonly DownloadSource[]): Promise<void> {
  const policy = new ConflictPolicy((name) => askOverwrite(services.ui, name, folder));
  const describe = (item: DownloadItem) => `${item.bucket}/${item.key}`;
  const refused: Array<{ name: string; reason: string }> = [];
  const outcome = await services.ui.withProgress(messages.downloading(folder), async (signal, report) => {
    const plan = planLocalPaths(folder, await expand(services, sources, signal), describe);
    refused.push(...plan.refused.map(({ item, reason }) => ({ name: describe(item), reason })));
    const { planned } = plan;
    const progress = new TransferProgress(report, planned.reduce((sum, item) => sum + item.size, 0), planned.length);
    return runBatch(planned, 4, signal, async (item, itemSignal) => {
      if ((await fileExists(item.path)) && (await policy.decide(item.relativePath)) === 'skip') {
        progress.fileDone();
        return 'skipped';
      }
      let received = 0;
      // downloadFile creates the folders below `folder`, and refuses any symbolic link on the way.
      await downloadFile(await services.clients.get(item.account), {
        bucket: item.bucket,
        key: item.key,
        filePath: item.path,
        root: folder,
        onProgress: (bytes) => {
          progress.add(bytes - received);
          received = bytes;
        },
      }, itemSignal);
      progress.fileDone();
      return 'done';
    });
  });
  await showTransferSummary({
    verb: 'downloaded',
    outcome,
    refused,
    describe,
    ui: services.ui,
    log: services.log,
    retryFailed: (failed) => downloadTo(services, folder, failed.map((item) => ({ kind: 'object', ...item }))),
    single: [{ title: messages.revealFileAction, run: () => services.ui.revealFile(outcome.done[0].path) }],
  });
}
