// Runs many transfers at once with a bounded number in flight, counting bytes for one progress
// bar, and accounts for every item: done, skipped, failed (with the error) or not started.
import { isR2Error } from '../r2';

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
  const outcome = { done: [] as T[], skipped: [] as T[], failed: [] as Array<{ item: T; error: unknown }>, notDone: [] as T[], cancelled: false };
  // One controller for the batch: a Cancel from an item (a conflict prompt) stops the others too.
  const controller = new AbortController();
  const stop = () => controller.abort();
  // A signal already fired (Cancel before the batch began) starts nothing.
  if (signal.aborted) {
    stop();
  }
  signal.addEventListener('abort', stop);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !controller.signal.aborted) {
      const item = items[next++];
      try {
        const result = await work(item, controller.signal);
        (result === 'done' ? outcome.done : outcome.skipped).push(item);
      } catch (error) {
        if (error instanceof CancelBatch || controller.signal.aborted || isR2Error(error, 'Cancelled')) {
          outcome.notDone.push(item);
          controller.abort();
        } else {
          outcome.failed.push({ item, error });
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  } finally {
    signal.removeEventListener('abort', stop);
  }
  outcome.notDone.push(...items.slice(next));
  outcome.cancelled = controller.signal.aborted;
  return outcome;
}
