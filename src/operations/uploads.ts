// Uploading local files and folders to a bucket folder: the work of r2.upload, r2.uploadActiveFile
// and drops on the view, with no screen (the command asks, shows progress and the summary).
import type { Asker } from './asker';
import { runBatch } from './batch';
import type { Clients } from './clients';
import { ConflictPolicy } from './conflicts';
import type { Destination } from './destination';
import { collectLocalFiles } from './localFiles';
import type { LocalFile } from './localFiles';
import { nameFiles } from './nameTemplate';
import type { NameTemplate } from './nameTemplate';
import { fromBatch } from './outcome';
import type { Outcome, Refusal } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';
import { transfersOf } from './transfers';
import { uploadOne } from './uploadOne';

export interface UploadFilesInput {
  readonly clients: Clients;
  readonly destination: Destination;
  readonly files: readonly LocalFile[];
  /** Files in flight at once. */
  readonly concurrency: number;
  /** Inputs already refused (unreadable files), reported with this upload. */
  readonly refused?: readonly Refusal[];
}

export interface UploadPathsInput extends Omit<UploadFilesInput, 'files' | 'refused'> {
  /** Files and folders; a folder is uploaded with everything in it, under its own name. */
  readonly paths: readonly string[];
  /** The name each file gets in its folder (r2.upload.nameTemplate); by default its own. */
  readonly name?: NameTemplate;
}

/**
 * Uploads files to one destination in parallel. Each is created only while its key is free; an
 * existing key is replaced only when the asker says so, and then only the version asked about.
 */
export async function uploadFiles(
  input: UploadFilesInput,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<LocalFile>> {
  const { destination, files } = input;
  const client = await input.clients.get(destination.account);
  const transfers = transfersOf(input.clients, destination.account, client);
  const policy = new ConflictPolicy((key, changed, sides) =>
    asker.overwrite({ name: key, where: destination.bucket, changed, many: files.length > 1, sides }),
  );
  const progress = new ProgressCounter(
    reporter,
    files.length,
    files.reduce((sum, file) => sum + file.size, 0),
  );
  const batch = await runBatch(files, input.concurrency, signal, (file, itemSignal) =>
    progress.track(file.relativeKey, async () => {
      const result = await uploadOne(client, destination, file, policy, progress, itemSignal, {}, transfers);
      progress.itemDone();
      return result;
    }),
  );
  return fromBatch(batch, input.refused ?? [], [
    { accountId: destination.account.id, bucket: destination.bucket, prefix: destination.prefix },
  ]);
}

/** Uploads files and folders, keeping the structure below each selected folder. */
export async function uploadPaths(
  input: UploadPathsInput,
  signal: AbortSignal,
  asker: Asker,
  reporter: Reporter,
): Promise<Outcome<LocalFile>> {
  const { files, problems } = await collectLocalFiles(input.paths);
  const unreadable = problems.map((problem) => ({ name: problem.path, reason: problem.reason }));
  const named = input.name ? nameFiles(files, input.name) : { files, refused: [] };
  return uploadFiles(
    { ...input, files: named.files, refused: [...unreadable, ...named.refused] },
    signal,
    asker,
    reporter,
  );
}
