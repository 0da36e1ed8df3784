// Folders of many keys for the listing cases. On the local server they are written straight into its
// store before it starts (100,000 records in about a second, no HTTP); any other endpoint gets them
// through the S3 API, many PUTs at once, once: a marker object records that a folder is complete.
import { setMaxListeners } from 'node:events';
import type { R2Client } from '../src/r2';
import { createBucket, headObject, isR2Error, putObject } from '../src/r2';
import { keyName } from './keys';
import { MD5_OF_NOTHING, Store } from './localStore';

export interface SeedFolder {
  prefix: string;
  keys: number;
}

/** Creates the bucket and the folders in a local server's data folder; the server must not be running. */
export function seedLocalStore(dataDir: string, bucket: string, folders: readonly SeedFolder[]): void {
  const store = new Store(dataDir);
  try {
    store.createBucket(bucket, 'auto');
    const now = Date.now();
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

function markerKey(folder: SeedFolder): string {
  return `.r2-bench-seeded/${folder.prefix}${folder.keys}`;
}

async function seeded(client: R2Client, bucket: string, folder: SeedFolder, signal: AbortSignal): Promise<boolean> {
  try {
    await headObject(client, { bucket, key: markerKey(folder) }, signal);
    return true;
  } catch (error) {
    if (isR2Error(error, 'NoSuchKey')) {
      return false;
    }
    throw error;
  }
}

/** Creates the bucket (if needed) and any folder not yet complete, through the S3 API. */
export async function seedOverS3(
  client: R2Client,
  bucket: string,
  folders: readonly SeedFolder[],
  signal: AbortSignal,
): Promise<void> {
  // Every PUT in flight listens to the one signal.
  setMaxListeners(SEED_CONCURRENCY * 2, signal);
  await createBucket(client, { bucket }, signal).catch((error: unknown) => {
    if (!isR2Error(error, 'BucketAlreadyExists')) {
      throw error;
    }
  });
  for (const folder of folders) {
    if (await seeded(client, bucket, folder, signal)) {
      continue;
    }
    console.log(`seeding ${folder.keys} keys under ${bucket}/${folder.prefix} (${SEED_CONCURRENCY} PUTs at once)…`);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < folder.keys) {
        await putObject(client, { bucket, key: keyName(folder.prefix, next++), body: '' }, signal);
      }
    };
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
    await putObject(client, { bucket, key: markerKey(folder), body: '' }, signal);
  }
}
