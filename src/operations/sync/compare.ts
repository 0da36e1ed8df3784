// Whether a file and an object hold the same bytes, at the least cost: size first (free), then
// the MD5 when the ETag is one (a local hash, no request), then for multipart objects the times
// (free), and only when those cannot tell, one HEAD for the metadata a sync upload stored.
import { fileMd5, headObject } from '../../r2';
import type { R2Client, R2Object } from '../../r2';
import type { LocalFileVersion } from './localTree';
import { MD5_METADATA, MTIME_METADATA } from './types';
import type { SyncDirection, SyncRule } from './types';

export interface Verdict {
  readonly same: boolean;
  readonly rule: SyncRule;
}

/** A single-PUT object's ETag: the MD5 of its bytes. A multipart one ends in "-<parts>". */
const PLAIN_MD5 = /^[0-9a-f]{32}$/;

function byMd5(equal: boolean, rule: SyncRule): Verdict {
  return equal ? { same: true, rule } : { same: false, rule: 'contentDiffers' };
}

export async function compareFileWithObject(
  client: R2Client,
  bucket: string,
  file: LocalFileVersion,
  object: R2Object,
  direction: SyncDirection,
  signal: AbortSignal,
): Promise<Verdict> {
  if (file.size !== object.size) {
    return { same: false, rule: 'sizeDiffers' };
  }
  if (PLAIN_MD5.test(object.etag)) {
    return byMd5((await fileMd5(file.path, signal)) === object.etag, 'md5Etag');
  }
  // The target was written after the source last changed: what the last sync left (an upload
  // completes after the file's mtime; a download writes the file after the object's LastModified).
  const written = object.lastModified.getTime();
  if (direction === 'toR2' ? file.mtimeMs <= written : written <= file.mtimeMs) {
    return { same: true, rule: 'notModifiedSince' };
  }
  const { metadata } = await headObject(client, { bucket, key: object.key }, signal);
  if (metadata[MTIME_METADATA] === String(file.mtimeMs)) {
    return { same: true, rule: 'mtimeMetadata' };
  }
  const md5 = metadata[MD5_METADATA];
  if (md5 !== undefined) {
    return byMd5((await fileMd5(file.path, signal)) === md5, 'md5Metadata');
  }
  return { same: false, rule: 'contentDiffers' };
}
