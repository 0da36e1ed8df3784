// `node sync.js <dir> <prefix>`: Sync Local Folder to R2 as the command runs it, without the screen:
// planUpload (one listing, local files compared), then applyPlan with deletion of extra objects
// chosen, every question answered "overwrite" as a saved pair run with no one to ask would.
import { answering, applyPlan, planUpload, silentReporter } from '../../src/operations';
import { BENCH_ACCOUNT, clientsOf, runWorker } from './worker';

runWorker(async ({ client, bucket, args: [localFolder, prefix], signal }) => {
  const started = performance.now();
  const plan = await planUpload(
    {
      clients: clientsOf(client),
      account: BENCH_ACCOUNT,
      bucket,
      prefix,
      localFolder,
      options: { deleteExtra: true, useGitignore: false, exclude: [] },
    },
    signal,
  );
  const planned = performance.now();
  const outcome = await applyPlan(plan, signal, answering('overwrite'), silentReporter);
  const applyMs = performance.now() - planned;
  if (outcome.failed.length > 0 || outcome.refused.length > 0) {
    const first = outcome.failed[0]?.message ?? outcome.refused[0]?.reason;
    throw new Error(`${outcome.failed.length} failed, ${outcome.refused.length} refused, first: ${first}`);
  }
  const count = (action: string) => plan.entries.filter((entry) => entry.action === action).length;
  return {
    // Where the time went: making the plan (listing, local walk, hashing) and applying it.
    planMs: planned - started,
    applyMs,
    listRequests: plan.listRequests,
    new: count('new'),
    changed: count('changed'),
    unchanged: count('unchanged'),
    extra: count('extra'),
    done: outcome.done.length,
  };
});
