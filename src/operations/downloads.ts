// Downloading objects and folders into a local folder: the work of r2.download, with no screen.
import { lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Account } from '../accounts/account';
import { baseName, headObject, objectMatchesFile } from '../r2';
import type { Asker } from './asker';
import { runBatch } from './batch';
import type { Clients } from './clients';
import { ConflictPolicy, objectSide } from './conflicts';
import { planLocalPaths } from './localPaths';
import { objectsUnder } from './objectsUnder';
import { fromBatch } from './outcome';
import type { Outcome } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';
import { transfersOf } from './transfers';

/** Objects downloaded at once. */
const DOWNLOAD_CONCURRENCY = 4;

/** One object to download and the key path below the chosen folder it is written to. */
export interface DownloadItem {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly relativePath: string;
}

/** A download item with the file it is written to. */
export type PlannedDownload = DownloadItem & { readonly path: string };

/**
 * What to download: single objects (written under their name, or the `relativePath` they had, for
 * a retry), and whole folders (their name kept as a sub-folder).
 */
export type DownloadSource =
  | { kind: 'object'; account: Account; bucket: string; key: string; size: number; relativePath?: string }
  | { kind: 'folder'; account: Account; bucket: string; prefix: string };

export interface DownloadInput {
  readonly clients: Clients;
  /** The local folder everything is written below. */
  readonly folder: string;
  readonly sources: readonly DownloadSource[];
}

/** The file there, to ask about before writing. A link is not asked about: downloadFile refuses it. */
async function existingFile(path: string): Promise<Stats | undefined> {
  const info = await lstat(path).catch(() => undefined);
  return info !== undefined && !info.isSymbolicLink() ? info : undefined;
}

/** Expands folders into their objects (listing page by page). Folder markers have no file. */
async function expand(
  clients: Clients,
  sources: readonly DownloadSource[],
  signal: AbortSignal,
): Promise<DownloadItem[]> {
  const items: DownloadItem[] = [];
  for (const source of sources) {
    if (source.kind === 'object') {
      const { account, bucket, key, size } = source;
      items.push({ account, bucket, key, size, relativePath: source.relativePath ?? baseName(key) });
      continue;
    }
    const client = await clients.get(source.account);
    const folderName = source.prefix === '' ? source.bucket : baseName(source.prefix);
    for await (const page of objectsUnder(client, source.bucket, source.prefix, signal)) {
      for (const object of page.filter((candidate) => !candidate.key.endsWith('/'))) {
        items.push({
          account: source.account,
          bucket: source.bucket,
          key: object.key,
          size: object.size,
          relativePath: `${folderName}/${object.key.slice(source.prefix.length)}`,
        });
      }
    }
  }
  return items;
}

/**
 * Downloads into `folder`, streaming each object to a temporary file renamed into place, so a
 * failure or Cancel never leaves a half file. Keys that are not safe file names, or that would be
 * the same file as another key on this disk, are refused, never written; nothing lands outside the
 * chosen folder, not even through a symbolic link in it. An existing file is replaced only when
 * the asker says so.
 */
export async function downloadTo(
  input: DownloadInput,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<PlannedDownload>> {
  const { clients, folder } = input;
  const describe = (item: DownloadItem) => `${item.bucket}/${item.key}`;
  const plan = planLocalPaths(folder, await expand(clients, input.sources, signal), describe);
  const refused = plan.refused.map(({ item, reason }) => ({ name: describe(item), reason }));
  const { planned } = plan;
  const policy = new ConflictPolicy((name, changed, sides) =>
    asker.overwrite({ name, where: folder, changed, many: planned.length > 1, sides }),
  );
  const progress = new ProgressCounter(
    reporter,
    planned.length,
    planned.reduce((sum, item) => sum + item.size, 0),
  );
  const batch = await runBatch(planned, DOWNLOAD_CONCURRENCY, signal, (item, itemSignal) =>
    progress.track(item.relativePath, async () => {
      const client = await clients.get(item.account);
      const local = await existingFile(item.path);
      if (local) {
        const head = await headObject(client, { bucket: item.bucket, key: item.key }, itemSignal);
        // Already the same bytes, as uploads check: same size, then the MD5 of the file against a
        // single-part ETag. A multipart ETag (MD5 of the parts' MD5s, "-N") cannot be checked without
        // the part sizes, so such a file is asked about: a same-size file is not assumed the same.
        if (local.isFile() && (await objectMatchesFile(head, { path: item.path }, itemSignal))) {
          progress.add(item.size);
          progress.itemDone();
          return 'done';
        }
        const sides = {
          existing: { place: 'local' as const, size: local.size, modified: local.mtime },
          incoming: objectSide(head),
        };
        if ((await policy.decide(item.relativePath, false, sides)) === 'skip') {
          progress.itemDone();
          return 'skipped';
        }
      }
      let received = 0;
      // downloadFile creates the folders below `folder`, and refuses any symbolic link on the way.
      await transfersOf(clients, item.account, client).download(
        {
          bucket: item.bucket,
          key: item.key,
          filePath: item.path,
          root: folder,
          onProgress: (bytes) => {
            progress.add(bytes - received);
            received = bytes;
          },
        },
        item.size,
        itemSignal,
      );
      progress.itemDone();
      return 'done';
    }),
  );
  return fromBatch(batch, refused, []);
}
