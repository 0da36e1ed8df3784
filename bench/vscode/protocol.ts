// What the runner tells a VS Code session (environment) and what the session writes back (JSON).
import type { RequestCounts } from '../localServer';
import type { TransferTiming } from './transferPlan';

/** `plainTree`: the memory session's listing in the plain-tree extension (bench/vscode/plainTree.ts). */
export type SessionMode = 'activation' | 'memory' | 'plainTree' | 'requests' | 'transfers';

export const SESSION_ENV = {
  mode: 'R2_BENCH_MODE',
  resultFile: 'R2_BENCH_RESULT_FILE',
  endpoint: 'R2_BENCH_ENDPOINT_URL',
  accessKeyId: 'R2_BENCH_ACCESS_KEY',
  secretAccessKey: 'R2_BENCH_SECRET_KEY',
  bucket: 'R2_BENCH_BUCKET',
  /** Folder of many keys listed for the memory measurement. */
  memoryFolder: 'R2_BENCH_MEMORY_FOLDER',
  /** How many keys it holds (the plain tree shows as many). */
  memoryKeys: 'R2_BENCH_MEMORY_KEYS',
  /** Optional: a folder where memory sessions write heap snapshots beside each measurement. */
  heapSnapshots: 'R2_BENCH_HEAP_SNAPSHOTS',
  /** Folder of a little over one page, for the request-economy actions. */
  economyFolder: 'R2_BENCH_ECONOMY_FOLDER',
  /** A small text object in the economy folder, opened and saved. */
  economyObject: 'R2_BENCH_ECONOMY_OBJECT',
  /** The transfers mode's plan (JSON, bench/vscode/transferPlan.ts). */
  transfers: 'R2_BENCH_TRANSFERS',
} as const;

export interface MemorySnapshot {
  rssBytes: number;
  heapUsedBytes: number;
  /** What V8 holds for the heap (used or free): RSS beyond it is native memory and code. */
  heapTotalBytes: number;
  externalBytes: number;
}

export interface ActionCount {
  action: string;
  requests: RequestCounts;
  /** The fewest requests, by operation, that the S3 API allows for this action. */
  minimum: Record<string, number>;
  why: string;
}

/**
 * VS Code's own marks around an activation (extHostExtensionService): loading the bundle, then
 * calling activate(). "Developer: Show Running Extensions" shows the sum of the two as the
 * extension's activation time. Between them VS Code prepares the extension's context (storage).
 */
export interface VsCodeActivationMarks {
  codeLoadingMs: number;
  activateCallMs: number;
  /** From "will load code" to "did activate": everything VS Code did for this activation. */
  totalMs: number;
}

export interface SessionResult {
  mode: SessionMode;
  /** Whether the extension was still inactive when the session started (it must be, to time activation). */
  wasInactive: boolean;
  /** From `extension.activate()` to its API in hand, timed by the suite. */
  activationMs: number;
  vscodeMarks?: VsCodeActivationMarks;
  memory?: {
    beforeActivation: MemorySnapshot;
    afterActivation: MemorySnapshot;
    afterListing: MemorySnapshot;
    keysListed: number;
    listingRequests: RequestCounts;
  };
  actions?: ActionCount[];
  transfers?: TransferTiming[];
}
