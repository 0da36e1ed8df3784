// Everything the bench can be told, read once from the environment (see README "Performance").
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export type CaseName =
  | 'upload'
  | 'download'
  | 'folder'
  | 'list'
  | 'sync'
  | 'move'
  | 'bigcopy'
  | 'curve'
  | 'vscode-transfers'
  | 'requests'
  | 'extension';
export const ALL_CASES: readonly CaseName[] = [
  'upload',
  'download',
  'folder',
  'list',
  'sync',
  'move',
  'bigcopy',
  'curve',
  'vscode-transfers',
  'requests',
  'extension',
];
/** Run only when named in BENCH_CASES: a tuning aid, not a comparison. */
const NAMED_ONLY: readonly CaseName[] = ['curve'];

/** `loopback`: the server as it is; `link`: through bench/linkProxy.ts, a round trip and a ceiling per connection. */
export type ProfileName = 'loopback' | 'link';
export const ALL_PROFILES: readonly ProfileName[] = ['loopback', 'link'];

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
  /** The object copied on the server in the bigcopy case: over 5 GiB needs a multipart copy. */
  copyMiB: number;
  /** Files uploaded at once by ours: the extension's default `r2.uploadConcurrency`. */
  folderConcurrency: number;
  /** Which profiles the transfer, listing and sync cases run in (both unless BENCH_PROFILES says). */
  profiles: ProfileName[];
  /** The link profile: a round trip per answer and per new connection, and a ceiling per connection. */
  linkRttMs: number;
  linkMBps: number;
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

/** A comma-separated subset of `all` from the environment variable `name`; all of them when unset. */
function subset<T extends string>(name: string, all: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) {
    return [...all];
  }
  const wanted = raw.split(',').map((item) => item.trim());
  const unknown = wanted.filter((item) => !all.includes(item as T));
  if (unknown.length > 0) {
    throw new Error(`${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  }
  return wanted as T[];
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
    cases: new Set(
      process.env.BENCH_CASES ? subset('BENCH_CASES', ALL_CASES) : ALL_CASES.filter((c) => !NAMED_ONLY.includes(c)),
    ),
    largeMiB: integer('BENCH_LARGE_MIB', 1024),
    smallMiB: integer('BENCH_SMALL_MIB', 256),
    folderFiles: integer('BENCH_FOLDER_FILES', 2000),
    copyMiB: integer('BENCH_COPY_MIB', 6144),
    folderConcurrency: integer('BENCH_FOLDER_CONCURRENCY', defaultUploadConcurrency()),
    profiles: subset('BENCH_PROFILES', ALL_PROFILES),
    linkRttMs: integer('BENCH_LINK_RTT_MS', 30, 0),
    linkMBps: integer('BENCH_LINK_MBPS', 50),
    listKeys: integer('BENCH_LIST_KEYS', 100_000),
    listKeysSmall: integer('BENCH_LIST_KEYS_SMALL', 10_000),
    activationRuns: integer('BENCH_ACTIVATION_RUNS', 3),
    bucket: process.env.R2_BENCH_BUCKET ?? 'r2-bench',
    external: external(),
    tmp: process.env.BENCH_TMP ?? tmpdir(),
  };
}
