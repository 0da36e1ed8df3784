// One file of an upload batch, with its conflict decision. No vscode import: unit-tested in plain Node.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { objectMatchesFile } from '../r2';
import type { R2Client } from '../r2';
import type { ItemResult } from './batch';
import type { ConflictPolicy } from './conflicts';
import { objectSide, writeWithoutClobbering } from './conflicts';
import { contentTypeFor } from './contentType';
import type { Destination } from './destination';
import type { LocalFile } from './localFiles';
import { inThisThread } from './transfers';
import type { FileTransfers } from './transfers';

/** Where an upload counts its bytes (the batch's progress notification). */
export interface ByteCounter {
  add(bytes: number): void;
}

/** What a sync adds to an upload: the version it planned to replace, and properties of its own. */
export interface UploadExtras {
  /** The object's etag when the plan was made: only that version is replaced without asking. */
  readonly replacing?: string;
  readonly cacheControl?: string;
  readonly metadata?: Record<string, string>;
}

/**
 * One file: created with If-None-Match: * so an existing key is never replaced without the user's
 * answer (uploadFile refuses a multipart upload with a HEAD before sending any part), and then only
 * the version the user was asked about (If-Match); a newer one is asked about again.
 */
export async function uploadOne(
  client: R2Client,
  destination: Pick<Destination, 'bucket' | 'prefix'>,
  file: LocalFile,
  policy: ConflictPolicy,
  progress: ByteCounter,
  signal: AbortSignal,
  extra: UploadExtras = {},
  transfers: FileTransfers = inThisThread(client),
): Promise<ItemResult> {
  const { bucket } = destination;
  const key = destination.prefix + file.relativeKey;
  const type = contentTypeFor(basename(file.path));
  let sent = 0;
  const result = await writeWithoutClobbering(
    client,
    { bucket, key },
    {
      write: async (conditions) => {
        progress.add(-sent);
        sent = 0;
        await transfers.upload(
          {
            bucket,
            key,
            filePath: file.path,
            contentType: type,
            cacheControl: extra.cacheControl,
            metadata: extra.metadata,
            ...conditions,
            onProgress: (bytes) => {
              progress.add(bytes - sent);
              sent = bytes;
            },
          },
          file.size,
          signal,
        );
      },
      decide: async (changed, current) => {
        const modified = await stat(file.path).then(
          (info) => info.mtime,
          () => undefined,
        );
        return policy.decide(key, changed, {
          existing: objectSide(current),
          incoming: { place: 'local', size: file.size, modified },
        });
      },
      // Already there byte for byte (often this upload's own earlier attempt): nothing to overwrite.
      alreadyThere: (head) => objectMatchesFile(head, { path: file.path, contentType: type }, signal),
    },
    signal,
    extra.replacing === undefined ? undefined : { ifMatch: extra.replacing },
  );
  // A file found already there counts as sent; a skipped one as not.
  progress.add((result === 'done' ? file.size : 0) - sent);
  return result;
}
