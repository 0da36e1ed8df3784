// Folders of many keys for the listing cases. On the local server they are written straight into its
// store before it starts (100,000 records in about a second, no HTTP); any other endpoint gets them
// through the S3 API, many PUTs at once, once: a marker object records that a folder is complete.
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { R2Client } from '../src/r2';
import { createBucket, headObject, isR2Error, putObject, uploadFile } from '../src/r2';
import { sparseFile } from './fixtures';
import { keyName } from './keys';
import { MD5_OF_NOTHING, Store } from './localStore';

export interface SeedFolder {
  prefix: string;
  keys: number;
}

/** One large object, of zeros: its bytes are a sparse file, so seeding it writes nothing to disk. */
export interface SeedLarge {
  key: string;
  bytes: number;
}

/**
 * Creates the bucket, the folders and the large object in a local server's data folder; the server
 * must not be running.
 */
export function seedLocalStore(
  dataDir: string,
  bucket: string,
  folders: readonly SeedFolder[],
  large?: SeedLarge,
): void {
  const store = new Store(dataDir);
  try {
    store.createBucket(bucket, 'auto');
    const now = Date.now();
    if (large) {
      const { blob, path } = store.blobs.create();
      sparseFile(path, large.bytes);
      store.putObject(bucket, {
        key: large.key,
        size: large.bytes,
        // Shaped as a multipart upload's ETag; nothing checks it against the bytes, and hashing
        // 6 GiB of zeros would only slow the start.
        etag: `${createHash('md5').update(large.key).digest('hex')}-1`,
        lastModified: now,
        segments: [{ blob, size: large.bytes }],
        meta: { contentType: 'application/octet-stream', user: {}, storageClass: 'STANDARD' },
      });
    }
    for (const { prefix, keys } of folders) {
      // In key order: each insert then appends to the store's sorted index.
      for (let i = 0; i < keys; i++) {
        store.putObject(bucket, {
          key: keyName(prefix, i),
          size: 0,
          etag: MD5_OF_NOTHING,
          lastModified: now,
          segments: [],
          meta: { contentType: 'text/plain', user: {}, storageClass: 'STANDARD' },
        });
      }
    }
  } finally {
    store.close();
  }
}

const SEED_CONCURRENCY = 64;

/** Writes the folder's keys through the S3 API, `SEED_CONCURRENCY` PUTs at once, each with `body`. */
export async function putKeys(
  client: R2Client,
  bucket: string,
  folder: SeedFolder,
  body: string,
  signal: AbortSignal,
): Promise<void> {
  // Every PUT in flight listens to the one signal.
  setMaxListeners(SEED_CONCURRENCY * 2, signal);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < folder.keys) {
      await putObject(client, { bucket, key: keyName(folder.prefix, next++), body }, signal);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

function markerKey(folder: SeedFolder): string {
  return `.r2-bench-seeded/${folder.prefix}${folder.keys}`;
}

async function sizeOf(client: R2Client, bucket: string, key: string, signal: AbortSignal): Promise<number | undefined> {
  try {
    return (await headObject(client, { bucket, key }, signal)).size;
  } catch (error) {
    if (isR2Error(error, 'NoSuchKey')) {
      return undefined;
    }
    throw error;
  }
}

/** Creates the bucket (if needed) and any folder not yet complete, through the S3 API. */
export async function seedOverS3(
  client: R2Client,
  bucket: string,
  folders: readonly SeedFolder[],
  large: SeedLarge | undefined,
  scratch: string,
  signal: AbortSignal,
): Promise<void> {
  await createBucket(client, { bucket }, signal).catch((error: unknown) => {
    if (!isR2Error(error, 'BucketAlreadyExists')) {
      throw error;
    }
  });
  for (const folder of folders) {
    if ((await sizeOf(client, bucket, markerKey(folder), signal)) !== undefined) {
      continue;
    }
    console.log(`seeding ${folder.keys} keys under ${bucket}/${folder.prefix} (${SEED_CONCURRENCY} PUTs at once)…`);
    await putKeys(client, bucket, folder, '', signal);
    await putObject(client, { bucket, key: markerKey(folder), body: '' }, signal);
  }
  if (large && (await sizeOf(client, bucket, large.key, signal)) !== large.bytes) {
    console.log(`uploading ${large.bytes} bytes of zeros to ${bucket}/${large.key}…`);
    const file = sparseFile(join(scratch, 'large-seed.bin'), large.bytes);
    try {
      await uploadFile(client, { bucket, key: large.key, filePath: file }, signal);
    } finally {
      rmSync(file, { force: true });
    }
  }
}
