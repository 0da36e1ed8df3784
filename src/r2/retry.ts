// Retries for requests whose body is a stream. The SDK retries everything else itself but cannot
// replay a stream, so these attempts each open a fresh one (e.g. re-read a file range).
import { setTimeout as delay } from 'node:timers/promises';
import type { ErrorContext } from './errors';
import { classifyError, isR2Error, isTransient } from './errors';

const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 20_000;

/** "Full jitter" exponential backoff, as the SDK's standard retry strategy uses. */
function backoffMs(failedAttempts: number): number {
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failedAttempts);
}

async function sleep(ms: number, context: ErrorContext, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    throw classifyError(err, context, signal);
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, or `maxAttempts` transient failures happened.
 * `retryable` can refuse a failure the SDK has already retried, so that attempts do not multiply.
 */
export async function withRetries<T>(
  maxAttempts: number,
  context: ErrorContext,
  signal: AbortSignal,
  attempt: () => Promise<T>,
  retryable: () => boolean = () => true,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isR2Error(err) || !isTransient(err.code) || !retryable() || attemptNumber >= maxAttempts || signal.aborted) {
        throw err;
      }
    }
    await sleep(backoffMs(attemptNumber), context, signal);
  }
}
