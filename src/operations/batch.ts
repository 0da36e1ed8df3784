// Runs many transfers at once with a bounded number in flight, counting bytes for one progress
// bar, and accounts for every item: done, skipped, failed (with the error) or not started.
import { isR2Error, runConcurrently } from '../r2';

export type ItemResult = 'done' | 'skipped';

export interface BatchOutcome<T> {
  readonly done: T[];
  readonly skipped: T[];
  readonly failed: Array<{ item: T; error: unknown }>;
  /** Items never finished because the batch was cancelled. */
  readonly notDone: T[];
  readonly cancelled: boolean;
}

/** Thrown by an item's work to stop the whole batch (the user chose Cancel). */
export class CancelBatch extends Error {
  constructor() {
    super('Cancelled');
  }
}

export async function runBatch<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  work: (item: T, signal: AbortSignal) => Promise<ItemResult>,
): Promise<BatchOutcome<T>> {
  const outcome = {
    done: [] as T[],
    skipped: [] as T[],
    failed: [] as Array<{ item: T; error: unknown }>,
    notDone: [] as T[],
    cancelled: false,
  };
  // One controller for the batch: a Cancel from an item (a conflict prompt) stops the others too.
  // A signal already fired (Cancel before the batch began) starts nothing.
  const controller = new AbortController();
  const batchSignal = AbortSignal.any([signal, controller.signal]);
  const { started } = await runConcurrently(items.length, concurrency, batchSignal, async (index) => {
    const item = items[index];
    try {
      const result = await work(item, batchSignal);
      (result === 'done' ? outcome.done : outcome.skipped).push(item);
    } catch (error) {
      if (error instanceof CancelBatch || batchSignal.aborted || isR2Error(error, 'Cancelled')) {
        outcome.notDone.push(item);
        controller.abort();
      } else {
        outcome.failed.push({ item, error });
      }
    }
  });
  outcome.notDone.push(...items.slice(started));
  outcome.cancelled = batchSignal.aborted;
  return outcome;
}
