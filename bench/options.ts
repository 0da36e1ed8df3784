// Everything the bench can be told, read once from the environment (see README "Performance").
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export type CaseName = 'upload' | 'download' | 'folder' | 'list' | 'requests' | 'extension';
export const ALL_CASES: readonly CaseName[] = ['upload', 'download', 'folder', 'list', 'requests', 'extension'];

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** An S3 endpoint chosen from outside (e.g. Ceph RGW from test/support/rgw.sh) instead of the local server. */
export interface ExternalEndpoint {
  url: string;
  credentials: Credentials;
  name: string;
}

export interface BenchOptions {
  runs: number;
  cases: Set<CaseName>;
  /** The large transfer, and the smaller one run beside it to show that memory does not grow with size. */
  largeMiB: number;
  smallMiB: number;
  folderFiles: number;
  /** Files uploaded at once by ours: the extension's default `r2.uploadConcurrency`. */
  folderConcurrency: number;
  /** The folder case again with the server answering each PUT this much later (local server only; 0: not run). */
  folderLatencyMs: number;
  listKeys: number;
  listKeysSmall: number;
  activationRuns: number;
  bucket: string;
  external?: ExternalEndpoint;
  tmp: string;
}

function integer(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}, not "${raw}"`);
  }
  return value;
}

function cases(): Set<CaseName> {
  const raw = process.env.BENCH_CASES;
  if (!raw) {
    return new Set(ALL_CASES);
  }
  const wanted = raw.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !ALL_CASES.includes(name as CaseName));
  if (unknown.length > 0) {
    throw new Error(`BENCH_CASES: unknown ${unknown.join(', ')} (known: ${ALL_CASES.join(', ')})`);
  }
  return new Set(wanted as CaseName[]);
}

function external(): ExternalEndpoint | undefined {
  const url = process.env.R2_BENCH_ENDPOINT;
  if (!url) {
    return undefined;
  }
  const accessKeyId = process.env.R2_BENCH_ACCESS_KEY_ID;
  const secretAccessKey = process.env.R2_BENCH_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('R2_BENCH_ENDPOINT needs R2_BENCH_ACCESS_KEY_ID and R2_BENCH_SECRET_ACCESS_KEY');
  }
  return { url, credentials: { accessKeyId, secretAccessKey }, name: process.env.R2_BENCH_SERVER ?? 'external' };
}

/** What a user gets: the setting's default in the extension's manifest. */
function defaultUploadConcurrency(): number {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  return Number(manifest.contributes.configuration.properties['r2.uploadConcurrency'].default);
}

export function readOptions(): BenchOptions {
  return {
    runs: integer('BENCH_RUNS', 3),
    cases: cases(),
    largeMiB: integer('BENCH_LARGE_MIB', 1024),
    smallMiB: integer('BENCH_SMALL_MIB', 256),
    folderFiles: integer('BENCH_FOLDER_FILES', 2000),
    folderConcurrency: integer('BENCH_FOLDER_CONCURRENCY', defaultUploadConcurrency()),
    folderLatencyMs: integer('BENCH_FOLDER_LATENCY_MS', 30),
    listKeys: integer('BENCH_LIST_KEYS', 100_000),
    listKeysSmall: integer('BENCH_LIST_KEYS_SMALL', 10_000),
    activationRuns: integer('BENCH_ACTIVATION_RUNS', 3),
    bucket: process.env.R2_BENCH_BUCKET ?? 'r2-bench',
    external: external(),
    tmp: process.env.BENCH_TMP ?? tmpdir(),
  };
}
