// The project's local R2-compatible server, run as a child process: its CPU and memory stay out of
// the runner, and its request counters (by operation and R2 class) are read over its control endpoints.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Credentials } from './options';

export interface RequestCounts {
  operations: Record<string, number>;
  classA: number;
  classB: number;
  free: number;
  total: number;
}

export interface LocalServer {
  readonly endpoint: string;
  readonly credentials: Credentials;
  readonly dataDir: string;
  stats(): Promise<RequestCounts>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

const CLI = join(__dirname, '..', 'test', 'support', 'r2server', 'cli.js');

async function control(endpoint: string, method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${endpoint}/__r2/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`local server ${method} /__r2/${path}: ${response.status}`);
  }
  return response;
}

/** Starts the server on `dataDir` (which may already hold seeded buckets) and waits until it listens. */
export async function startLocalServer(dataDir: string): Promise<LocalServer> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the local R2 server exited with ${String(code)} before listening`);
    }),
  ])) as [string];
  // Later lines are for people; keep the pipe drained.
  lines.on('line', () => undefined);
  const info = JSON.parse(first) as { endpoint: string; credentials: Credentials[] };
  const endpoint = info.endpoint;
  return {
    endpoint,
    credentials: { accessKeyId: info.credentials[0].accessKeyId, secretAccessKey: info.credentials[0].secretAccessKey },
    dataDir,
    stats: async () => (await (await control(endpoint, 'GET', 'stats')).json()) as RequestCounts,
    resetStats: async () => {
      await control(endpoint, 'POST', 'stats/reset');
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
