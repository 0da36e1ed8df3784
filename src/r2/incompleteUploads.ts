// Multipart uploads started and never completed or aborted: their parts stay stored (and billed)
// until someone aborts them. R2 aborts them after seven days by default; other S3 servers never do.
import { s3 } from './sdk';
import type { R2Client } from './client';
import { isR2Error, R2Error } from './errors';
import { MAX_PAGE_SIZE } from './listing';
import type { IncompleteUpload } from './types';

export interface ListIncompleteUploadsInput {
  bucket: string;
  /** Only uploads of keys that start with it. */
  prefix?: string;
  /** Uploads per request, 1–1000 (default 1000); every page is fetched. */
  pageSize?: number;
}

/**
 * Every incomplete upload in the bucket, in key order (uploads of one key by start time), fetched
 * page by page through KeyMarker and UploadIdMarker.
 */
export async function listIncompleteUploads(
  client: R2Client,
  input: ListIncompleteUploadsInput,
  signal: AbortSignal,
): Promise<IncompleteUpload[]> {
  const { bucket, prefix, pageSize = MAX_PAGE_SIZE } = input;
  const context = { operation: 'ListMultipartUploads', bucket };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new R2Error('InvalidArgument', context, { message: `Page size must be 1 to ${MAX_PAGE_SIZE}.` });
  }
  const uploads: IncompleteUpload[] = [];
  let marker: { key?: string; uploadId?: string } = {};
  for (;;) {
    // Without EncodingType=url: RGW 16 encodes the keys but does not say so (no EncodingType in the
    // answer), so they could not be told apart from keys that contain "%".
    const output = await client.send(
      new (s3().ListMultipartUploadsCommand)({
        Bucket: bucket,
        Prefix: prefix || undefined,
        MaxUploads: pageSize,
        KeyMarker: marker.key,
        UploadIdMarker: marker.uploadId,
      }),
      context,
      signal,
    );
    for (const upload of output.Uploads ?? []) {
      if (upload.Key !== undefined && upload.UploadId) {
        uploads.push({ bucket, key: upload.Key, uploadId: upload.UploadId, initiated: upload.Initiated });
      }
    }
    const last = uploads.at(-1);
    // A server that leaves out the next markers resumes after the last upload listed.
    const next = { key: output.NextKeyMarker ?? last?.key, uploadId: output.NextUploadIdMarker ?? last?.uploadId };
    const advanced = next.key !== undefined && (next.key !== marker.key || next.uploadId !== marker.uploadId);
    if (output.IsTruncated !== true || !advanced) {
      return uploads;
    }
    marker = next;
  }
}

/** Aborts one incomplete upload, deleting its parts. One already gone (completed or aborted) counts as done. */
export async function abortIncompleteUpload(
  client: R2Client,
  upload: Pick<IncompleteUpload, 'bucket' | 'key' | 'uploadId'>,
  signal: AbortSignal,
): Promise<void> {
  const { bucket, key, uploadId } = upload;
  try {
    await client.send(
      new (s3().AbortMultipartUploadCommand)({ Bucket: bucket, Key: key, UploadId: uploadId }),
      { operation: 'AbortMultipartUpload', bucket, key },
      signal,
    );
  } catch (err) {
    if (!isR2Error(err, 'NoSuchUpload')) {
      throw err;
    }
  }
}
