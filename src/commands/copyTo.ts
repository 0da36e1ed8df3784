import { copyObject, getObjectStream, isR2Error, objectExists, putObject } from '../r2';
import type { R2Client } from '../r2';
import { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import { runBatch } from '../transfers/batch';
import type { ItemResult } from '../transfers/batch';
import { ConflictPolicy } from '../transfers/conflicts';
import type { Destination } from '../transfers/destination';
import { describeDestination } from '../transfers/destination';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { withCancellableProgress } from '../ui/prompts';
import { askOverwrite, showTransferSummary } from '../ui/transferSummary';
import type { Services } from './services';

/**
 * Within one account R2 copies server-side (CopyObject); across accounts the bytes stream through
 * this machine, with the same system and user metadata.
 */
async function copyOne(source: ObjectNode, sourceClient: R2Client, destination: Destination, targetClient: R2Client, key: string, signal: AbortSignal): Promise<void> {
  if (source.account.id === destination.account.id) {
    await copyObject(targetClient, { source: { bucket: source.bucket, key: source.key }, destination: { bucket: destination.bucket, key }, sourceIfMatch: source.object.etag }, signal);
    return;
  }
  const { head, contentLength, body } = await getObjectStream(sourceClient, { bucket: source.bucket, key: source.key, ifMatch: source.object.etag }, signal);
  await putObject(targetClient, {
    bucket: destination.bucket,
    key,
    body,
    contentLength,
    contentType: head.contentType,
    cacheControl: head.cacheControl,
    contentDisposition: head.contentDisposition,
    contentEncoding: head.contentEncoding,
    metadata: head.metadata,
  }, signal);
}

/** Copies objects to another folder, bucket or account; an existing target is replaced only if the user says so. */
export async function copyTo(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const objects = selectedNodes(node, selection, services.view.selection).filter((n): n is ObjectNode => n instanceof ObjectNode);
  if (objects.length === 0) {
    return;
  }
  const name = (object: ObjectNode) => object.key.slice(object.key.lastIndexOf('/') + 1);
  const destination = await pickDestination(services, 'Copy to', `${name(objects[0])}${objects.length > 1 ? ` and ${objects.length - 1} more` : ''}`);
  const targetClient = await services.clients.get(destination.account);
  const policy = new ConflictPolicy((key) => askOverwrite(key, destination.bucket));
  const outcome = await withCancellableProgress(messages.copying(describeDestination(destination)), (signal) =>
    runBatch(objects, 4, signal, async (object, itemSignal): Promise<ItemResult> => {
      const key = destination.prefix + name(object);
      if (object.account.id === destination.account.id && object.bucket === destination.bucket && object.key === key) {
        throw new Error(messages.copyOntoItself(key));
      }
      if ((await objectExists(targetClient, { bucket: destination.bucket, key }, itemSignal)) && (await policy.decide(key)) === 'skip') {
        return 'skipped';
      }
      try {
        await copyOne(object, await services.clients.get(object.account), destination, targetClient, key, itemSignal);
      } catch (error) {
        // The source changed since it was listed: copying it would copy a version the user never saw.
        throw isR2Error(error, 'PreconditionFailed') ? new Error(messages.sourceChanged(object.key)) : error;
      }
      return 'done';
    }));
  services.explorer.refreshLocation(destination.account.id, destination.bucket, destination.prefix);
  await showTransferSummary({ verb: 'copied', outcome, refused: [], describe: (object) => `${object.bucket}/${object.key}`, log: services.log });
}
