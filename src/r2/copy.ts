import { CopyObjectCommand } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import { R2Error } from './errors';
import { checkKey, encodeCopySource, quoteEtag, unquoteEtag } from './keys';
import { deleteObject, s3Properties } from './objects';
import type { ObjectLocation, ObjectProperties } from './types';

export interface CopyObjectInput {
  source: ObjectLocation;
  destination: ObjectLocation;
  /** Copy only if the source still has this etag. */
  sourceIfMatch?: string;
}

export interface CopyResult {
  etag: string;
  lastModified?: Date;
}

export interface UpdateMetadataInput extends ObjectLocation, ObjectProperties {
  /** Replace only if the object still has this etag. */
  ifMatch?: string;
}

/** One CopyObject: metadata is copied, or replaced by `properties` when given. */
async function sendCopy(
  client: R2Client,
  input: CopyObjectInput & { properties?: ObjectProperties },
  signal: AbortSignal,
): Promise<CopyResult> {
  const { source, destination, sourceIfMatch, properties } = input;
  const context = { operation: 'CopyObject', bucket: destination.bucket, key: destination.key };
  checkKey(source.key, context);
  checkKey(destination.key, context);
  const output = await client.send(
    new CopyObjectCommand({
      Bucket: destination.bucket,
      Key: destination.key,
      CopySource: encodeCopySource(source.bucket, source.key),
      CopySourceIfMatch: sourceIfMatch === undefined ? undefined : quoteEtag(sourceIfMatch),
      MetadataDirective: properties === undefined ? 'COPY' : 'REPLACE',
      ...(properties === undefined ? {} : s3Properties(properties)),
    }),
    context,
    signal,
  );
  // RGW 16 sends this ETag unquoted; unquoteEtag accepts both.
  return { etag: unquoteEtag(output.CopyObjectResult?.ETag), lastModified: output.CopyObjectResult?.LastModified };
}

/** Server-side copy, within or across buckets; system and user metadata are kept. */
export async function copyObject(client: R2Client, input: CopyObjectInput, signal: AbortSignal): Promise<CopyResult> {
  return await sendCopy(client, input, signal);
}

/** Copy, then delete the source: only once the copy has succeeded. */
export async function moveObject(client: R2Client, input: CopyObjectInput, signal: AbortSignal): Promise<CopyResult> {
  const { source, destination } = input;
  // Copying onto itself and deleting "the source" would delete the only copy.
  if (source.bucket === destination.bucket && source.key === destination.key) {
    throw new R2Error('InvalidArgument', { operation: 'MoveObject', ...destination }, { message: 'An object cannot be moved onto itself.' });
  }
  const result = await sendCopy(client, input, signal);
  await deleteObject(client, source, signal);
  return result;
}

/**
 * Replaces the object's system and user metadata (all of it: unset fields are cleared) by copying
 * the object onto itself. R2 and S3 honour `ifMatch` atomically here; RGW 16 ignores it.
 */
export async function updateMetadata(client: R2Client, input: UpdateMetadataInput, signal: AbortSignal): Promise<CopyResult> {
  const { bucket, key, ifMatch, ...properties } = input;
  const location = { bucket, key };
  return await sendCopy(client, { source: location, destination: location, sourceIfMatch: ifMatch, properties }, signal);
}
