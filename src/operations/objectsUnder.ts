import { listWhole } from '../r2';
import type { R2Client, WholeListing } from '../r2';

/**
 * Every object under a prefix (folder markers and sub-folders included), page by page in key order,
 * several requests in flight: never the whole listing at once. Its `requests` counts what it sent.
 */
export function objectsUnder(client: R2Client, bucket: string, prefix: string, signal: AbortSignal): WholeListing {
  return listWhole(client, { bucket, prefix }, signal);
}
