// Deadlines that say so when they fire. A request whose signal fired because time ran out fails as a
// Timeout (shown, with Retry); only a signal someone aborted is a cancellation (kept silent).

/**
 * What a deadline's signal carries as its reason: a DOMException named `TimeoutError`, like the
 * reason of `AbortSignal.timeout()`, that also says how long the server had.
 */
export class DeadlineExceeded extends DOMException {
  constructor(readonly seconds: number) {
    super(`No answer within ${seconds} s.`, 'TimeoutError');
  }
}

/** `AbortSignal.timeout(ms)`, with a reason that names its length. */
export function deadline(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DeadlineExceeded(ms / 1000)), ms).unref();
  return controller.signal;
}

/**
 * Whether an abort reason is time running out: a deadline's or `AbortSignal.timeout()`'s, also when
 * it reached the signal through `AbortSignal.any()`, which passes the reason on unchanged.
 */
export function isTimeoutReason(reason: unknown): reason is DOMException {
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}
