import type { ErrorContext } from './errors';
import { classifyError } from './errors';

/**
 * Runs `task(0)` to `task(count − 1)`, `concurrency` at a time, in order. The first failure stops the
 * rest: running tasks see their signal fire, no new task starts, and that failure is thrown once
 * every running task has settled (so none is still writing when the caller cleans up).
 */
export async function runPool(
  count: number,
  concurrency: number,
  context: ErrorContext,
  signal: AbortSignal,
  task: (index: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const failure = new AbortController();
  const taskSignal = AbortSignal.any([signal, failure.signal]);
  let firstError: unknown;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !taskSignal.aborted) {
      try {
        await task(next++, taskSignal);
      } catch (err) {
        firstError ??= err;
        failure.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (firstError !== undefined || signal.aborted) {
    throw classifyError(firstError, context, signal);
  }
}
