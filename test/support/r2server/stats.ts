// Request counts per operation and per R2 billing class, so tests can assert what a client costs.
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationClass } from './operations';
import { OPERATIONS } from './operations';

export interface R2Stats {
  /** Requests per operation name (e.g. `ListObjectsV2`), including refused and failed ones, as R2 bills them. */
  operations: Record<string, number>;
  classA: number;
  classB: number;
  free: number;
  total: number;
  /** The most requests of each operation being handled at once (since the last reset). */
  peakInFlight: Record<string, number>;
  /** Requests per operation that waited for "100 Continue" before sending their body. */
  expectContinue: Record<string, number>;
}

function billingOf(operation: string): OperationClass {
  return Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation as keyof typeof OPERATIONS].billing : 'free';
}

export class Stats {
  private counts = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private peaks = new Map<string, number>();
  private expectContinue = new Map<string, number>();

  count(operation: string, headers: IncomingHttpHeaders = {}): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    if (headers.expect?.toLowerCase() === '100-continue') {
      this.expectContinue.set(operation, (this.expectContinue.get(operation) ?? 0) + 1);
    }
  }

  /** A request of `operation` is being handled until `done` is called: how clients spread their work. */
  handling(operation: string): { done(): void } {
    const now = (this.inFlight.get(operation) ?? 0) + 1;
    this.inFlight.set(operation, now);
    this.peaks.set(operation, Math.max(now, this.peaks.get(operation) ?? 0));
    return { done: () => this.inFlight.set(operation, (this.inFlight.get(operation) ?? 1) - 1) };
  }

  reset(): void {
    this.counts = new Map();
    this.expectContinue = new Map();
    // Requests still being handled count towards the next peak.
    this.peaks = new Map([...this.inFlight].filter(([, n]) => n > 0));
  }

  snapshot(): R2Stats {
    const stats: R2Stats = {
      operations: {},
      classA: 0,
      classB: 0,
      free: 0,
      total: 0,
      peakInFlight: Object.fromEntries(this.peaks),
      expectContinue: Object.fromEntries(this.expectContinue),
    };
    for (const [operation, n] of [...this.counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      stats.operations[operation] = n;
      stats.total += n;
      const billing = billingOf(operation);
      if (billing === 'A') {
        stats.classA += n;
      } else if (billing === 'B') {
        stats.classB += n;
      } else {
        stats.free += n;
      }
    }
    return stats;
  }
}
