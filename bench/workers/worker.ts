// What every "ours" worker shares: the endpoint from the environment (as the peers get theirs), one
// client, and one JSON line on stdout with the time the operation itself took and the process's
// own view of its peak RSS (a cross-check of what the runner measures from outside).
import type { Account } from '../../src/accounts/account';
import type { Clients } from '../../src/operations';
import type { R2Client, R2ClientOptions } from '../../src/r2';
import { clientFor } from '../target';

/** The account operations are told about: only its identity is read, the client is the worker's own. */
export const BENCH_ACCOUNT: Account = { id: 'bench', name: 'bench', jurisdiction: 'default', accessKeyId: 'bench' };

export function clientsOf(client: R2Client): Clients {
  return { get: () => Promise.resolve(client) };
}

export interface WorkerContext {
  client: R2Client;
  bucket: string;
  args: string[];
  signal: AbortSignal;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: workers are started by bench/run`);
  }
  return value;
}

/** An optional size argument in MiB, in bytes. */
export function mib(arg: string | undefined): number | undefined {
  return arg === undefined ? undefined : Number(arg) * 1024 ** 2;
}

export type WorkerOperation = (context: WorkerContext) => Promise<Record<string, unknown>>;

/**
 * Runs `work` as this process's one job, on a client with `clientOptions`. Given the worker's
 * `module`, only when that is the script started (not when imported: the VS Code transfers run the
 * same operation inside the extension host).
 */
export function runWorker(
  work: WorkerOperation,
  main?: NodeJS.Module,
  clientOptions: Partial<R2ClientOptions> = {},
): WorkerOperation {
  if (main === undefined || require.main === main) {
    run(work, clientOptions);
  }
  return work;
}

function run(work: WorkerOperation, clientOptions: Partial<R2ClientOptions>): void {
  const client = clientFor(
    {
      url: required('R2_BENCH_URL'),
      credentials: { accessKeyId: required('R2_BENCH_KEY_ID'), secretAccessKey: required('R2_BENCH_SECRET') },
    },
    clientOptions,
  );
  const started = performance.now();
  work({
    client,
    bucket: required('R2_BENCH_BUCKET_NAME'),
    args: process.argv.slice(2),
    signal: new AbortController().signal,
  }).then(
    (extra) => {
      const operationMs = performance.now() - started;
      client.destroy();
      // Started with --expose-gc: what the heap still holds after a full collection is what the
      // operation retained; peak RSS also counts garbage not yet collected.
      (globalThis as { gc?: () => void }).gc?.();
      const retainedHeapBytes = process.memoryUsage().heapUsed;
      process.stdout.write(
        `${JSON.stringify({ operationMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, retainedHeapBytes, ...extra })}\n`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
      client.destroy();
    },
  );
}
