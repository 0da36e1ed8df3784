// Request counts taken on the client's side (R2ClientOptions.onRequest), so that a test can assert
// how many requests an operation made on any server: the local one, Ceph RGW, or R2 itself.

/** Counts one client's requests by S3 operation, each attempt of a retried one included. */
export class RequestCounter {
  private counts: Record<string, number> = {};

  /** Pass as the client's `onRequest`. */
  readonly onRequest = (operation: string): void => {
    this.counts[operation] = (this.counts[operation] ?? 0) + 1;
  };

  /** Requests since the last reset, by operation; the shape of the local server's `stats().operations`. */
  get operations(): Record<string, number> {
    return { ...this.counts };
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  reset(): void {
    this.counts = {};
  }
}
