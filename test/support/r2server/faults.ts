// Injected failures, each consumed by a fixed number of matching requests, for testing retries,
// timeouts and interrupted transfers without a flaky network.

interface FaultBase {
  /** Only requests of this operation (e.g. `GetObject`) match; any operation when omitted. */
  operation?: string;
  /** How many matching requests the fault affects (default 1). */
  times?: number | 'always';
}

/** Answer with an S3 error: 500 InternalError (default) or 503 SlowDown. */
export interface ErrorFault extends FaultBase {
  type: 'error';
  status?: 500 | 503;
}

/** Wait before handling the request. */
export interface DelayFault extends FaultBase {
  type: 'delay';
  ms: number;
}

/** Send the headers and at most this many body bytes (always fewer than the whole), then drop the connection. */
export interface CutResponseFault extends FaultBase {
  type: 'cutResponse';
  afterBytes: number;
}

/** Drop the connection once this many request body bytes have arrived. */
export interface CutRequestFault extends FaultBase {
  type: 'cutRequest';
  afterBytes: number;
}

/**
 * Another client writes `body` to `bucket`/`key` (or deletes it, when `body` is null) just before
 * the matching request is handled: a race between two of our requests, forced without timing.
 */
export interface WriteFault extends FaultBase {
  type: 'write';
  bucket: string;
  key: string;
  body: string | null;
}

/**
 * Not a failure but a dialect: PutObject compares If-Match as Ceph RGW 16 does, the header as sent
 * with the bare MD5 (s3-servers.md #2), so the quoted ETag R2 expects is refused even when current.
 */
export interface RgwIfMatchFault extends FaultBase {
  type: 'rgwIfMatch';
}

/**
 * Not a failure but a dialect: the body goes in chunked transfer encoding, without Content-Length,
 * as some S3-compatible servers and proxies send it.
 */
export interface ChunkedFault extends FaultBase {
  type: 'chunked';
}

export type R2Fault =
  ErrorFault | DelayFault | CutResponseFault | CutRequestFault | WriteFault | RgwIfMatchFault | ChunkedFault;

export type FaultType = R2Fault['type'];

/** The faults that apply to one request: at most one of each type. */
export type AppliedFaults = Partial<{ [T in FaultType]: Extract<R2Fault, { type: T }> }>;

interface Pending {
  fault: R2Fault;
  left: number;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** Checks a fault that may come from JSON; throws an Error describing what is wrong. */
export function validateFault(value: unknown): R2Fault {
  const f = value as Partial<Record<string, unknown>>;
  if (typeof value !== 'object' || value === null) {
    throw new Error('a fault must be an object');
  }
  if (f.operation !== undefined && typeof f.operation !== 'string') {
    throw new Error('"operation" must be a string');
  }
  if (f.times !== undefined && f.times !== 'always' && !(isCount(f.times) && f.times > 0)) {
    throw new Error('"times" must be a positive integer or "always"');
  }
  switch (f.type) {
    case 'error':
      if (f.status !== undefined && f.status !== 500 && f.status !== 503) {
        throw new Error('"status" must be 500 or 503');
      }
      break;
    case 'delay':
      if (!isCount(f.ms)) {
        throw new Error('"ms" must be a non-negative integer');
      }
      break;
    case 'cutResponse':
    case 'cutRequest':
      if (!isCount(f.afterBytes)) {
        throw new Error('"afterBytes" must be a non-negative integer');
      }
      break;
    case 'write':
      if (
        typeof f.bucket !== 'string' ||
        typeof f.key !== 'string' ||
        (f.body !== null && typeof f.body !== 'string')
      ) {
        throw new Error('"bucket" and "key" must be strings, "body" a string or null');
      }
      break;
    case 'rgwIfMatch':
    case 'chunked':
      break;
    default:
      throw new Error('"type" must be one of error, delay, cutResponse, cutRequest, write, rgwIfMatch, chunked');
  }
  return value as R2Fault;
}

export class Faults {
  private pending: Pending[] = [];

  add(fault: R2Fault): void {
    const checked = validateFault(fault);
    this.pending.push({ fault: checked, left: checked.times === 'always' ? Infinity : (checked.times ?? 1) });
  }

  clear(): void {
    this.pending = [];
  }

  /** Faults still armed, with `times` set to what is left. */
  list(): R2Fault[] {
    return this.pending.map(({ fault, left }) => ({ ...fault, times: left === Infinity ? 'always' : left }));
  }

  /** Consumes, in the order they were added, the first matching fault of each type. */
  take(operation: string): AppliedFaults {
    const applied: Partial<Record<FaultType, R2Fault>> = {};
    for (const p of this.pending) {
      if ((p.fault.operation === undefined || p.fault.operation === operation) && !applied[p.fault.type]) {
        applied[p.fault.type] = p.fault;
        p.left--;
      }
    }
    this.pending = this.pending.filter((p) => p.left > 0);
    return applied as AppliedFaults;
  }
}
