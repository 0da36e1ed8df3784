// `node moveFolder.js <prefix> <newPrefix>`: Rename or Move… of a folder as the command runs it
// (src/operations/moveFolder.ts), without the screen: every object copied create-only, then its
// source deleted.
import { answering, moveFolder, silentReporter } from '../../src/operations';
import { BENCH_ACCOUNT, clientsOf, runWorker } from './worker';

runWorker(async ({ client, bucket, args: [prefix, newPrefix], signal }) => {
  const outcome = await moveFolder(
    { clients: clientsOf(client), account: BENCH_ACCOUNT, bucket, prefix, newPrefix },
    signal,
    answering('skip'),
    silentReporter,
  );
  // The destination is new: a skipped object means a taken key, which the bench never leaves.
  if (outcome.failed.length > 0 || outcome.skipped.length > 0) {
    const first = outcome.failed[0]?.message ?? 'a destination key was taken';
    throw new Error(`${outcome.failed.length} failed, ${outcome.skipped.length} skipped, first: ${first}`);
  }
  return { moved: outcome.done.length };
});
