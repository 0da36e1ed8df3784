// Shared fixtures for the S3 layer's conformance tests.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import type { R2ClientOptions, R2ErrorCode } from '../../../src/r2';
import {
  createBucket,
  deleteBucket,
  deletePrefix,
  isR2Error,
  putObject,
  R2Client,
  runConcurrently,
} from '../../../src/r2';
import { RequestCounter } from '../../support/requestCounter';
import type { TestCredentials } from '../../support/s3env';
import { s3env } from '../../support/s3env';

/** A signal that never fires, for calls a test does not cancel; many run in parallel on it. */
export const MiB = 1024 * 1024;
/** 24 MiB + a bit: four full 5 MiB parts and a short fifth. */
export const MULTIPART_SIZE = 24 * MiB + 12345;
/** Upload settings that send MULTIPART_SIZE in those parts. */
export const multipart = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };

export const live = new AbortController().signal;
setMaxListeners(0, live);

/** Keys that break naive clients: every one must round-trip through every operation. */
export const ODD_KEYS = [
  'with space.txt',
  'plus+sign.txt',
  'both + and space',
  'percent%20literal.txt',
  '100% sure',
  'hash#fragment',
  'question?mark=1&x',
  'ünïcødé/日本語.txt',
  'emoji 🎉.txt',
  'double//slash',
  'trailing/',
  '/leading-slash',
  'dots/../up',
  'quote\'and"dq',
  'tab\tand\nnewline',
];

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function newClient(
  overrides: Partial<R2ClientOptions> = {},
  credentials: TestCredentials = s3env().credentials,
): R2Client {
  return new R2Client({
    endpoint: { kind: 'custom', url: s3env().endpoint },
    credentials,
    ...overrides,
  });
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Asserts that `work` rejects with an R2Error of `code`, and returns it for further checks. */
export async function expectR2Error(work: Promise<unknown>, code: R2ErrorCode): Promise<Error & { code: R2ErrorCode }> {
  try {
    await work;
  } catch (err) {
    assert.ok(isR2Error(err), `expected an R2Error, got ${String(err)}`);
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    return err;
  }
  assert.fail(`expected R2Error ${code}, but the call succeeded`);
}

/** Puts small objects, `concurrency` at a time. */
export async function putMany(
  client: R2Client,
  bucket: string,
  keys: readonly string[],
  concurrency = 16,
): Promise<void> {
  await runConcurrently(keys.length, concurrency, live, (index) =>
    putObject(client, { bucket, key: keys[index], body: keys[index] }, live).then(() => undefined),
  );
}

export interface TestBucket {
  /** The bucket's name; valid inside tests and hooks. */
  readonly name: string;
  readonly client: R2Client;
  /** The requests `client` sends, counted on the client's side. */
  readonly requests: RequestCounter;
}

/**
 * Counts from here on: restarts the client-side count and, on the local server, the server's own.
 */
export function countRequests(requests: RequestCounter): void {
  requests.reset();
  s3env().local?.resetStats();
}

/**
 * Asserts the requests sent since `countRequests`, by operation, as the client counted them (on any
 * server); on the local server, also that the server received exactly those.
 */
export function assertRequests(requests: RequestCounter, expected: Record<string, number>, message?: string): void {
  assert.deepEqual(requests.operations, expected, message);
  const local = s3env().local;
  if (local !== undefined) {
    assert.deepEqual(
      local.stats().operations,
      expected,
      `${message ?? 'requests'}: the local server received others than the client counted`,
    );
  }
}

/**
 * A fresh bucket for the enclosing `describe`, emptied and deleted afterwards, and an admin client
 * whose requests are counted.
 */
export function useBucket(prefix: string): TestBucket {
  let client: R2Client | undefined;
  const requests = new RequestCounter();
  const name = uniqueName(prefix);
  before(async () => {
    client = newClient({ onRequest: requests.onRequest });
    await createBucket(client, { bucket: name }, live);
  });
  after(async () => {
    if (client !== undefined) {
      await deletePrefix(client, { bucket: name, prefix: '' }, live);
      await deleteBucket(client, name, live);
      client.destroy();
    }
  });
  return {
    name,
    requests,
    get client(): R2Client {
      assert.ok(client, 'the bucket client exists inside tests only');
      return client;
    },
  };
}

/** A random file of MULTIPART_SIZE bytes in `temp`, written before the enclosing `describe`'s tests, and its SHA-256. */
export function useBigFile(temp: { readonly path: string }): { readonly path: string; readonly hash: string } {
  const big = { path: '', hash: '' };
  before(async () => {
    big.path = join(temp.path, 'big.bin');
    await writeRandomFile(big.path, MULTIPART_SIZE);
    big.hash = await sha256File(big.path);
  });
  return big;
}

/** A temporary folder for the enclosing `describe`. */
export function useTempDir(): { readonly path: string } {
  let path: string | undefined;
  before(async () => {
    path = await mkdtemp(join(tmpdir(), 'r2-test-'));
  });
  after(async () => {
    if (path !== undefined) {
      await rm(path, { recursive: true, force: true });
    }
  });
  return {
    get path(): string {
      assert.ok(path, 'the temporary folder exists inside tests only');
      return path;
    },
  };
}

/** Multipart uploads still open in the bucket (by a raw SDK call: src/r2 has no such function). */
export async function openUploads(bucket: string): Promise<string[]> {
  const { endpoint, credentials } = s3env();
  const s3 = new S3Client({ endpoint, credentials, region: 'auto', forcePathStyle: true, maxAttempts: 1 });
  try {
    const output = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    return (output.Uploads ?? []).map((upload) => upload.Key ?? '');
  } finally {
    s3.destroy();
  }
}

/** A file of random bytes. */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const chunk = 1024 * 1024;
    for (let written = 0; written < size; written += chunk) {
      await handle.write(randomBytes(Math.min(chunk, size - written)));
    }
  } finally {
    await handle.close();
  }
}
