import { isObjectNode } from '../tree/nodeKinds';
import type { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import { runBatch } from '../operations/batch';
import type { ItemResult } from '../operations/batch';
import { ConflictPolicy } from '../operations/conflicts';
import { copyOne } from '../operations/copyOne';
import { describeDestination } from '../operations/destination';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { askOverwrite, showTransferSummary } from '../ui/transferSummary';
import type { Services } from './services';

/** Copies objects to another folder, bucket or account; an existing target is replaced only if the user says so. */
export async function copyTo(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const objects = selectedNodes(node, selection, services.view.selection).filter(isObjectNode);
  if (objects.length === 0) {
    return;
  }
  const name = (object: ObjectNode) => object.key.slice(object.key.lastIndexOf('/') + 1);
  const destination = await pickDestination(services, 'Copy to', `${name(objects[0])}${objects.length > 1 ? ` and ${objects.length - 1} more` : ''}`);
  const targetClient = await services.clients.get(destination.account);
  const policy = new ConflictPolicy((key, changed) => askOverwrite(services.ui, key, destination.bucket, changed));
  const outcome = await services.ui.withProgress(messages.copying(describeDestination(destination)), (signal) =>
    runBatch(objects, 4, signal, async (object, itemSignal): Promise<ItemResult> => {
      const key = destination.prefix + name(object);
      if (object.account.id === destination.account.id && object.bucket === destination.bucket && object.key === key) {
        throw new Error(messages.copyOntoItself(key));
      }
      const source = { client: await services.clients.get(object.account), bucket: object.bucket, key: object.key, etag: object.object.etag };
      // Within one account R2 copies server-side; across accounts the bytes stream through this machine.
      return await copyOne(source, { client: targetClient, bucket: destination.bucket, key }, object.account.id === destination.account.id, policy, itemSignal);
    }));
  services.explorer.refreshLocation(destination.account.id, destination.bucket, destination.prefix);
  await showTransferSummary({ verb: 'copied', outcome, refused: [], describe: (object: ObjectNode) => `${object.bucket}/${object.key}`, ui: services.ui, log: services.log });
}
