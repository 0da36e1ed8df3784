import type { ErrorContext } from './errors';
import { classifyError } from './errors';

/**
 * The one scheduler for work done many at a time (parts, ranges, and the operations' batches of
 * files): `task(0)` to `task(count − 1)`, at most `concurrency` at once, started in index order.
 * No task starts once `signal` has fired or a task has thrown; the tasks' own signal fires then too.
 * Resolves once every started task has settled (so none is still writing when the caller cleans
 * up), to how many were started; rejects then with the first error a task threw, as thrown.
 * `raise`, when it resolves to more than `concurrency`, lets that many run at once from then on.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  signal: AbortSignal,
  task: (index: number, signal: AbortSignal) => Promise<void>,
  raise?: Promise<number>,
): Promise<{ started: number }> {
  const failure = new AbortController();
  const taskSignal = AbortSignal.any([signal, failure.signal]);
  let firstError: { error: unknown } | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !taskSignal.aborted) {
      try {
        await task(next++, taskSignal);
      } catch (error) {
        firstError ??= { error };
        failure.abort();
      }
    }
  };
  const workers: Promise<void>[] = [];
  const addWorkers = (n: number) => {
    // Each worker takes its first index at once, so `next` counts the ones just added.
    for (let i = 0; i < n && next < count && !taskSignal.aborted; i++) {
      workers.push(worker());
    }
  };
  addWorkers(concurrency);
  void raise?.then((raised) => addWorkers(raised - concurrency));
  // Workers added while waiting are waited for too.
  for (let waited = 0; waited < workers.length;) {
    const waiting = workers.length;
    await Promise.all(workers.slice(waited));
    waited = waiting;
  }
  if (firstError !== undefined) {
    throw firstError.error;
  }
  return { started: next };
}

/**
 * `runConcurrently` for work that is one whole: the first failure stops the rest, and it (or the
 * caller's cancellation) leaves as one classified R2Error.
 */
export async function runPool(
  count: number,
  concurrency: number,
  context: ErrorContext,
  signal: AbortSignal,
  task: (index: number, signal: AbortSignal) => Promise<void>,
  raise?: Promise<number>,
): Promise<void> {
  try {
    await runConcurrently(count, concurrency, signal, task, raise);
  } catch (error) {
    throw classifyError(error, context, signal);
  }
  if (signal.aborted) {
    throw classifyError(undefined, context, signal);
  }
}
