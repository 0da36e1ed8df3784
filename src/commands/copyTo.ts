import { baseName } from '../r2';
import { copyObjects, describeDestination } from '../operations';
import type { Destination, ListedObject } from '../operations';
import { isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { ModalAsker } from '../ui/asker';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { pickDestination } from '../ui/pickers';
import { barOnly, withReporter } from '../ui/progressReporter';
import type { Services } from './services';

/** Copies objects to another folder, bucket or account; an existing target is replaced only if the user says so. */
export async function copyTo(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const objects = selectedNodes(node, selection, services.view.selection).filter(isObjectNode);
  if (objects.length === 0) {
    return;
  }
  const destination = await pickDestination(services, 'Copy to', `${baseName(objects[0].key)}${objects.length > 1 ? ` and ${objects.length - 1} more` : ''}`);
  await copyInto(services, objects.map(({ account, bucket, key, object }) => ({ account, bucket, key, etag: object.etag })), destination);
}

async function copyInto(services: Services, objects: readonly ListedObject[], destination: Destination): Promise<void> {
  const { ui } = services;
  const input = { clients: services.clients, objects, destination };
  const outcome = await withReporter(ui, messages.copying(describeDestination(destination)), (signal, reporter) => copyObjects(input, signal, new ModalAsker(ui), reporter), barOnly);
  services.changes.fire(outcome.changed);
  await presentOutcome(services, outcome, {
    verb: 'copied',
    describe: (object) => `${object.bucket}/${object.key}`,
    retryFailed: (failed) => copyInto(services, failed, destination),
  });
}
