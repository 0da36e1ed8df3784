// Aborting incomplete multipart uploads (their parts are deleted): the work of
// r2.cleanUpIncompleteUploads once the user has chosen which, with no screen.
import { abortIncompleteUpload } from '../r2';
import type { IncompleteUpload, R2Client } from '../r2';
import { runBatch } from './batch';
import { fromBatch } from './outcome';
import type { Outcome } from './outcome';
import { ProgressCounter } from './reporter';
import type { Reporter } from './reporter';

/** Aborting is free (no Class A operation) and quick: a few at a time keep a long list short. */
const ABORT_CONCURRENCY = 8;

export async function abortUploads(
  client: R2Client,
  uploads: readonly IncompleteUpload[],
  signal: AbortSignal,
  reporter: Reporter,
): Promise<Outcome<IncompleteUpload>> {
  const progress = new ProgressCounter(reporter, uploads.length);
  const batch = await runBatch(uploads, ABORT_CONCURRENCY, signal, async (upload, itemSignal) => {
    await abortIncompleteUpload(client, upload, itemSignal);
    progress.itemDone();
    return 'done';
  });
  return fromBatch(batch, [], []);
}
