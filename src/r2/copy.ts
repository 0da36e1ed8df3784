import { s3 } from './sdk';
import type { CopyObjectCommand, StorageClass } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import type { ErrorContext } from './errors';
import { isR2Error, R2Error } from './errors';
import { checkKey, encodeCopySource, folderPrefix, quoteEtag, rebaseKey, unquoteEtag } from './keys';
import { listPage } from './listing';
import { deleteObject, getObjectStream, headIfExists, headObject, putObject, s3Properties } from './objects';
import { copyInParts, needsPartCopy, sendStreamedBody, streamCopyInParts } from './multipartCopy';
import type { PartCopyOptions } from './multipartCopy';
import type { ObjectLocation, ObjectProperties, WriteConditions } from './types';

export interface CopyObjectInput {
  source: ObjectLocation;
  destination: ObjectLocation;
  /** Copy only if the source still has this etag. */
  sourceIfMatch?: string;
  /** Replace only this version of the destination (an etag). */
  destinationIfMatch?: string;
  /** `*`: create the destination only, never replace an object there. */
  destinationIfNoneMatch?: '*';
  /** The destination's storage class (STANDARD or STANDARD_IA); the source's when omitted. */
  storageClass?: string;
  /** The source's size, when known: a source over `parts.threshold` (5 GiB) is copied in parts. */
  sourceSize?: number;
  /** When and how a large source is copied in parts; for tests, a low threshold. */
  parts?: PartCopyOptions;
}

export interface CopyResult {
  etag: string;
  lastModified?: Date;
}

export interface UpdateMetadataInput extends ObjectLocation, ObjectProperties {
  /** Replace only if the object still has this etag. */
  ifMatch?: string;
}

/**
 * Conditions on a copy's destination. S3 reads If-Match and If-None-Match on CopyObject; R2 documents
 * its own cf-copy-destination-if-match and -if-none-match (beta) and not those, so R2's are sent.
 * Ceph RGW 16 ignores both kinds: there only the HEAD before the copy (checkDestination) guards.
 */
function addDestinationConditions(command: CopyObjectCommand, input: CopyObjectInput): void {
  const headers: Record<string, string> = {};
  if (input.destinationIfMatch !== undefined) {
    headers['cf-copy-destination-if-match'] = quoteEtag(input.destinationIfMatch);
  }
  if (input.destinationIfNoneMatch !== undefined) {
    headers['cf-copy-destination-if-none-match'] = input.destinationIfNoneMatch;
  }
  if (Object.keys(headers).length === 0) {
    return;
  }
  // At the build step, so that the headers are signed with the rest.
  command.middlewareStack.add(
    (next) => async (args) => {
      Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
      return await next(args);
    },
    { step: 'build', name: 'r2CopyDestinationConditions' },
  );
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
  const command = new (s3().CopyObjectCommand)({
    Bucket: destination.bucket,
    Key: destination.key,
    CopySource: encodeCopySource(source.bucket, source.key),
    CopySourceIfMatch: sourceIfMatch === undefined ? undefined : quoteEtag(sourceIfMatch),
    MetadataDirective: properties === undefined ? 'COPY' : 'REPLACE',
    ...(properties === undefined ? {} : s3Properties(properties)),
    ...(input.storageClass === undefined ? {} : { StorageClass: input.storageClass as StorageClass }),
  });
  addDestinationConditions(command, input);
  const output = await client.send(command, context, signal);
  // RGW 16 sends this ETag unquoted; unquoteEtag accepts both.
  return { etag: unquoteEtag(output.CopyObjectResult?.ETag), lastModified: output.CopyObjectResult?.LastModified };
}

/**
 * Refuses early what the destination conditions would refuse: it saves the copy, and on servers that
 * ignore the conditions (RGW 16) it is the only check, narrowing the window to one round trip.
 */
async function checkDestination(client: R2Client, input: CopyObjectInput, signal: AbortSignal): Promise<void> {
  const { destination, destinationIfMatch, destinationIfNoneMatch } = input;
  if (destinationIfMatch === undefined && destinationIfNoneMatch === undefined) {
    return;
  }
  const etag = (await headIfExists(client, destination, signal))?.etag;
  const context = { operation: 'CopyObject', ...destination };
  if (destinationIfNoneMatch === '*' && etag !== undefined) {
    throw new R2Error('AlreadyExists', context);
  }
  if (destinationIfMatch !== undefined && etag !== unquoteEtag(destinationIfMatch)) {
    throw new R2Error('PreconditionFailed', context);
  }
}

/**
 * A 412 does not say which condition failed. The source's is SourceChanged; the destination's is
 * AlreadyExists (create-only) or PreconditionFailed naming the destination. With conditions on both
 * sides, a HEAD of the source tells them apart.
 */
async function copyRefusal(
  client: R2Client,
  input: CopyObjectInput,
  err: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  const { source, destination, sourceIfMatch, destinationIfMatch, destinationIfNoneMatch } = input;
  if (!isR2Error(err, 'PreconditionFailed')) {
    return err;
  }
  const onDestination = destinationIfMatch !== undefined || destinationIfNoneMatch !== undefined;
  if (
    sourceIfMatch !== undefined &&
    (!onDestination || (await headIfExists(client, source, signal))?.etag !== unquoteEtag(sourceIfMatch))
  ) {
    return new R2Error('SourceChanged', { operation: 'CopyObject', ...source }, { status: err.status, cause: err });
  }
  if (destinationIfNoneMatch === '*') {
    return new R2Error(
      'AlreadyExists',
      { operation: 'CopyObject', ...destination },
      { status: err.status, cause: err },
    );
  }
  return err;
}

/** The destination conditions of a copy, as a write's. */
function writeConditions(input: CopyObjectInput): WriteConditions {
  return { ifMatch: input.destinationIfMatch, ifNoneMatch: input.destinationIfNoneMatch };
}

/**
 * Server-side copy, within or across buckets of one account; system and user metadata are kept. A
 * source over 5 GiB (CopyObject's limit), when its `sourceSize` is given, is copied in parts.
 */
export async function copyObject(client: R2Client, input: CopyObjectInput, signal: AbortSignal): Promise<CopyResult> {
  if (needsPartCopy(input.sourceSize, input.parts)) {
    return await copyInParts(client, { ...input, conditions: writeConditions(input) }, input.parts ?? {}, signal);
  }
  await checkDestination(client, input, signal);
  try {
    return await sendCopy(client, input, signal);
  } catch (err) {
    throw await copyRefusal(client, input, err, signal);
  }
}

/**
 * Deletes the source of a move, only if it still is the version copied. R2 documents no conditional
 * DeleteObject (S3 has If-Match on it; RGW 16 ignores it), so the version is checked with a HEAD
 * just before: where the condition is ignored, only a write within that one round trip could still be
 * lost. If-Match goes along for the servers that apply it atomically.
 */
export async function deleteMovedSource(
  client: R2Client,
  source: ObjectLocation,
  etag: string,
  signal: AbortSignal,
): Promise<void> {
  const current = (await headIfExists(client, source, signal))?.etag;
  if (current === undefined) {
    // Deleted by someone else meanwhile: the move's end state already.
    return;
  }
  const changed = (cause?: unknown) =>
    new R2Error(
      'SourceChanged',
      { operation: 'MoveObject', ...source },
      {
        cause,
        message: `"${source.key}" in bucket "${source.bucket}" changed on the server after it was copied, so it was not deleted: both are kept.`,
      },
    );
  if (current !== etag) {
    throw changed();
  }
  try {
    await deleteObject(client, { ...source, ifMatch: etag }, signal);
  } catch (err) {
    if (isR2Error(err, 'PreconditionFailed')) {
      throw changed(err);
    }
    if (!isR2Error(err, 'NotImplemented')) {
      throw err;
    }
    // A server that refuses the header rather than ignoring it: the HEAD above is the check there.
    await deleteObject(client, source, signal);
  }
}

/**
 * Copy, then delete the source: only once the copy has succeeded, and only the version copied (the
 * one listed, `sourceIfMatch`, or else the one found first). A source changed in between is kept.
 */
export async function moveObject(client: R2Client, input: CopyObjectInput, signal: AbortSignal): Promise<CopyResult> {
  const { source, destination } = input;
  // Copying onto itself and deleting "the source" would delete the only copy.
  if (source.bucket === destination.bucket && source.key === destination.key) {
    throw new R2Error(
      'InvalidArgument',
      { operation: 'MoveObject', ...destination },
      { message: 'An object cannot be moved onto itself.' },
    );
  }
  const sourceIfMatch = input.sourceIfMatch ?? (await headObject(client, source, signal)).etag;
  const result = await copyObject(client, { ...input, sourceIfMatch }, signal);
  await deleteMovedSource(client, source, unquoteEtag(sourceIfMatch), signal);
  return result;
}

export interface MovePrefixInput {
  /** The folder whose keys move; a key without its trailing slash is taken as that folder. */
  source: { bucket: string; prefix: string };
  /** The folder they move to, in the same or another bucket of the client's account. */
  destination: { bucket: string; prefix: string };
  /** Keys listed per request; default the most a page holds. */
  pageSize?: number;
}

/**
 * Moves every key under a folder (its marker included) one by one, each a `moveObject` of the
 * version listed: R2 has no rename. Each key keeps its place below the folder and is created only
 * while free: a taken key fails the move (AlreadyExists), unless it already holds the same ETag and
 * size, which a move stopped between a copy and its delete leaves: then only the source is deleted,
 * so moving again finishes a move that stopped. A folder cannot move into itself (the listing would
 * find the moved keys again); that is refused before any request. The first failure stops the move:
 * what moved stays moved, the rest stays where it was.
 */
export async function movePrefix(
  client: R2Client,
  input: MovePrefixInput,
  signal: AbortSignal,
): Promise<{ moved: number }> {
  const from = { bucket: input.source.bucket, prefix: folderPrefix(input.source.prefix) };
  const to = { bucket: input.destination.bucket, prefix: folderPrefix(input.destination.prefix) };
  if (from.bucket === to.bucket && to.prefix.startsWith(from.prefix)) {
    throw new R2Error(
      'InvalidArgument',
      { operation: 'MovePrefix', bucket: to.bucket, key: to.prefix },
      { message: `"${from.prefix}" cannot be moved into itself.` },
    );
  }
  const list = { bucket: from.bucket, prefix: from.prefix, delimiter: '', pageSize: input.pageSize };
  let moved = 0;
  for (;;) {
    // Moved keys are gone, so listing from the start again walks the rest.
    const page = await listPage(client, list, signal);
    for (const { key, etag, size } of page.objects) {
      const source = { bucket: from.bucket, key };
      const destination = { bucket: to.bucket, key: rebaseKey(key, from.prefix, to.prefix) };
      const move = { source, destination, sourceIfMatch: etag, sourceSize: size, destinationIfNoneMatch: '*' as const };
      await moveObject(client, move, signal).catch(async (err: unknown) => {
        const there = isR2Error(err, 'AlreadyExists') ? await headIfExists(client, destination, signal) : undefined;
        if (there?.etag !== etag || there.size !== size) {
          throw err;
        }
        await deleteMovedSource(client, source, etag, signal);
      });
      moved++;
    }
    if (page.nextToken === undefined) {
      return { moved };
    }
  }
}

/**
 * Replaces the object's system and user metadata (all of it: unset fields are cleared) by copying
 * the object onto itself. R2 and S3 honour `ifMatch` atomically here; RGW 16 ignores it.
 */
export async function updateMetadata(
  client: R2Client,
  input: UpdateMetadataInput,
  signal: AbortSignal,
): Promise<CopyResult> {
  const { bucket, key, ifMatch, ...properties } = input;
  const location = { bucket, key };
  return await sendCopy(
    client,
    { source: location, destination: location, sourceIfMatch: ifMatch, properties },
    signal,
  );
}

/**
 * Copies by streaming the bytes through this machine, from one client's endpoint to another's (e.g.
 * between two accounts), with the same system and user metadata. The destination conditions are the
 * PUT's own If-Match and If-None-Match. A source over the part threshold (5 GiB, a PUT's limit), when
 * its `sourceSize` is given, goes in parts streamed in parallel.
 */
export async function streamCopyObject(
  sourceClient: R2Client,
  targetClient: R2Client,
  input: CopyObjectInput,
  signal: AbortSignal,
): Promise<CopyResult> {
  const { source, destination, sourceIfMatch } = input;
  const context: ErrorContext = { operation: 'CopyObject', ...destination };
  checkKey(destination.key, context);
  if (needsPartCopy(input.sourceSize, input.parts)) {
    return await streamCopyInParts(
      sourceClient,
      targetClient,
      { ...input, conditions: writeConditions(input) },
      input.parts ?? {},
      signal,
    );
  }
  const { head, contentLength, body } = await getObjectStream(
    sourceClient,
    { ...source, ifMatch: sourceIfMatch },
    signal,
  ).catch((err: unknown) => {
    throw sourceIfMatch !== undefined && isR2Error(err, 'PreconditionFailed')
      ? new R2Error('SourceChanged', { operation: 'CopyObject', ...source }, { status: err.status, cause: err })
      : err;
  });
  return await sendStreamedBody(body, signal, (sendSignal) =>
    putObject(
      targetClient,
      {
        ...destination,
        body,
        contentLength,
        contentType: head.contentType,
        cacheControl: head.cacheControl,
        contentDisposition: head.contentDisposition,
        contentEncoding: head.contentEncoding,
        metadata: head.metadata,
        ifMatch: input.destinationIfMatch,
        ifNoneMatch: input.destinationIfNoneMatch,
      },
      sendSignal,
    ),
  );
}
