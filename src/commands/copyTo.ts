import { baseName, parentPrefix } from '../r2';
import { copyObjects, describeDestination, listFoldersToCopy } from '../operations';
import type { CopyFolder, Destination, ListedObject } from '../operations';
import { isBucketNode, isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { ModalAsker } from '../ui/asker';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { pickDestination } from '../ui/pickers';
import { barOnly, withReporter } from '../ui/progressReporter';
import type { Services } from './services';

/**
 * Copies objects and folders (everything under them, under the folder's name) to another folder,
 * bucket or account; an existing target is replaced only if the user says so.
 */
export async function copyTo(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const selected = selectedNodes(node, selection, services.view.selection);
  const objects = selected.filter(isObjectNode);
  const folders: CopyFolder[] = selected
    .filter(isListingNode)
    .filter((listing) => !isBucketNode(listing))
    .map(({ account, bucket, prefix }) => ({ account, bucket, prefix }));
  const names = [
    ...folders.map((folder) => `${baseName(folder.prefix)}/`),
    ...objects.map((object) => baseName(object.key)),
  ];
  if (names.length === 0) {
    return;
  }
  const sourceFolders = [
    ...objects.map((object) => ({
      accountId: object.account.id,
      bucket: object.bucket,
      prefix: parentPrefix(object.key),
    })),
    ...folders.map((folder) => ({
      accountId: folder.account.id,
      bucket: folder.bucket,
      prefix: parentPrefix(folder.prefix),
    })),
  ];
  const destination = await pickDestination(
    services,
    'Copy to',
    `${names[0]}${names.length > 1 ? ` and ${names.length - 1} more` : ''}`,
    {
      hereLabel: messages.destinationCopyHere,
      sourceFolders,
    },
  );
  await copyNodesInto(services, selected, destination);
}

/**
 * Copies the objects and folders among `selected` into `destination` (Copy to…, and Paste after
 * Copy), or moves them there (`move`: Paste after Cut, and a drag, into another bucket or account).
 */
export async function copyNodesInto(
  services: Services,
  selected: readonly unknown[],
  destination: Destination,
  move = false,
): Promise<void> {
  const objects = selected.filter(isObjectNode);
  const folders: CopyFolder[] = selected
    .filter(isListingNode)
    .filter((listing) => !isBucketNode(listing))
    .map(({ account, bucket, prefix }) => ({ account, bucket, prefix }));
  const listed =
    folders.length === 0
      ? []
      : await services.ui.withProgress(messages.listingToCopy, (signal) =>
          listFoldersToCopy(services.clients, folders, destination, signal),
        );
  await copyInto(
    services,
    [
      ...listed,
      ...objects.map(({ account, bucket, key, object }) => ({
        account,
        bucket,
        key,
        etag: object.etag,
        size: object.size,
      })),
    ],
    destination,
    move,
  );
}

async function copyInto(
  services: Services,
  objects: readonly ListedObject[],
  destination: Destination,
  move: boolean,
): Promise<void> {
  const { ui } = services;
  const input = { clients: services.clients, objects, destination, moveSources: move };
  const where = describeDestination(destination);
  const outcome = await withReporter(
    ui,
    move ? messages.moving(where) : messages.copying(where),
    (signal, reporter) => copyObjects(input, signal, new ModalAsker(ui), reporter),
    barOnly,
  );
  services.changes.fire(outcome.changed);
  await presentOutcome(services, outcome, {
    verb: move ? 'moved' : 'copied',
    describe: (object) => `${object.bucket}/${object.key}`,
    accountOf: () => destination.account.id,
    retryFailed: (failed) => copyInto(services, failed, destination, move),
  });
}
