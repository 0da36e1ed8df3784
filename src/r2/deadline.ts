// Deadlines that say so when they fire. A request whose signal fired because time ran out fails as a
// Timeout (shown, with Retry); only a signal someone aborted is a cancellation (kept silent).

/**
 * The fixed time limits, in one place. Short exchanges (a HEAD, a listing page, a small PUT) are not
 * here: they take `R2Client.deadline()`, the user's idle timeout (r2.requestTimeoutSeconds), once.
 * These bound work that has no Cancel button, or whose length the idle timeout cannot bound.
 */
export const DEADLINE_MS = {
  /**
   * Creating and aborting a multipart upload run on this, not the caller's signal: an upload created
   * without our learning its ID could not be aborted, and cleanup follows cancellation.
   */
  uploadBookkeeping: 30_000,
  /** The bucket listing the view waits for; the client's own timeouts fire first on a stalled connection. */
  bucketList: 60_000,
  /** One object renamed or moved from the view (a copy, then a delete). */
  objectMove: 10 * 60_000,
  /**
   * A body the r2: file system moves (a read, a save, a folder's delete or rename): the idle timeout
   * catches a stalled connection long before.
   */
  fileSystemTransfer: 60 * 60_000,
} as const;

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
