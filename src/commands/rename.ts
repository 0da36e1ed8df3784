import { baseName, DEADLINE_MS, folderPrefix, isValidKey, parentPrefix } from '../r2';
import { moveFolder, renameObject } from '../operations';
import type { Destination } from '../operations';
import type { ListingNode } from '../tree/listingNode';
import type { ObjectNode } from '../tree/objectNode';
import { isBucketNode, isListingNode, isObjectNode } from '../tree/nodeKinds';
import { targetNode } from '../tree/selection';
import { ModalAsker } from '../ui/asker';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { withReporter } from '../ui/progressReporter';
import { ask } from '../ui/prompts';
import { copyNodesInto } from './copyTo';
import { refusesWrite } from './readOnly';
import type { Services } from './services';

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original.
 * An existing target is replaced only after the user confirms, and only the version they were asked
 * about; only the version shown is copied and deleted (a changed source fails, or is kept, instead of
 * moving someone else's write). A folder moves with everything under it (renameFolder).
 */
export async function rename(services: Services, clicked?: unknown): Promise<void> {
  const node = targetNode(clicked, services.view.selection);
  if (refusesWrite(services.ui, [node])) {
    return;
  }
  if (isListingNode(node) && !isBucketNode(node)) {
    await renameFolder(services, node);
    return;
  }
  if (!isObjectNode(node)) {
    return;
  }
  const { account, bucket, key } = node;
  const target = await ask(
    services.ui,
    {
      title: `Rename or Move ${key}`,
      prompt: messages.renamePromptKey(bucket),
      value: key,
      valueSelection: [
        parentPrefix(key).length,
        key.length - (key.includes('.') ? key.length - key.lastIndexOf('.') : 0),
      ],
      validateInput: (value) => (isValidKey(value) ? undefined : messages.invalidKey),
    },
    { verbatim: true },
  );
  if (target === key) {
    return;
  }
  const object = { account, bucket, key, etag: node.object.etag, size: node.object.size };
  const outcome = await renameObject(
    { clients: services.clients, object, newKey: target },
    AbortSignal.timeout(DEADLINE_MS.objectMove),
    new ModalAsker(services.ui),
  );
  services.changes.fire(outcome.changed);
}

/**
 * Renames or moves a folder within its bucket, object by object (copy, then delete the source), with
 * progress and Cancel. A taken key is asked about; running it again after a Cancel or a failure
 * finishes the rest (see moveFolder).
 */
async function renameFolder(services: Services, node: ListingNode): Promise<void> {
  const { bucket, prefix } = node;
  const path = prefix.slice(0, -1);
  const target = await ask(
    services.ui,
    {
      title: `Rename or Move ${prefix}`,
      prompt: messages.renamePromptFolder(bucket),
      value: path,
      valueSelection: [parentPrefix(prefix).length, path.length],
      validateInput: (value) =>
        value === '' || !isValidKey(folderPrefix(value))
          ? messages.invalidKey
          : folderPrefix(value) !== prefix && folderPrefix(value).startsWith(prefix)
            ? messages.moveFolderIntoItself(prefix)
            : undefined,
    },
    { verbatim: true },
  );
  if (folderPrefix(target) === prefix) {
    return;
  }
  await moveFolderAndPresent(services, node, folderPrefix(target));
}

async function moveFolderAndPresent(services: Services, node: ListingNode, newPrefix: string): Promise<void> {
  const { account, bucket, prefix } = node;
  const outcome = await withReporter(
    services.ui,
    messages.movingFolder(prefix, newPrefix),
    (signal, reporter) =>
      moveFolder(
        { clients: services.clients, account, bucket, prefix, newPrefix },
        signal,
        new ModalAsker(services.ui),
        reporter,
      ),
    (progress) => messages.objectsProgress(progress.itemsDone, progress.itemsTotal),
  );
  services.changes.fire(outcome.changed);
  await presentOutcome(services, outcome, {
    verb: 'moved',
    summary: messages.moveFolderSummary,
    describe: (object) => `${bucket}/${object.key}`,
    accountOf: () => account.id,
    // Moving the folder again moves what is left; what moved already counts as done.
    retryFailed: () => moveFolderAndPresent(services, node, newPrefix),
  });
}

/**
 * Moves objects and folders into another folder, each under its own name (Paste after Cut, and a drag
 * inside the view). Within the bucket: objects one by one as Rename does, folders as renameFolder.
 * Into another bucket or account, where there is no rename: copied as Copy to… does, then each source
 * deleted once its copy is there (and only the version copied).
 */
export async function moveNodesInto(
  services: Services,
  nodes: readonly unknown[],
  destination: Destination,
): Promise<void> {
  const sameBucket = (node: ListingNode | ObjectNode) =>
    node.account.id === destination.account.id && node.bucket === destination.bucket;
  const movable = nodes.filter(
    (node): node is ListingNode | ObjectNode => (isObjectNode(node) || isListingNode(node)) && !isBucketNode(node),
  );
  if (movable.some((node) => !sameBucket(node))) {
    await copyNodesInto(services, movable, destination, true);
    return;
  }
  for (const node of movable) {
    if (isObjectNode(node)) {
      const newKey = destination.prefix + baseName(node.key);
      if (newKey !== node.key) {
        const object = {
          account: node.account,
          bucket: node.bucket,
          key: node.key,
          etag: node.object.etag,
          size: node.object.size,
        };
        const outcome = await renameObject(
          { clients: services.clients, object, newKey },
          AbortSignal.timeout(DEADLINE_MS.objectMove),
          new ModalAsker(services.ui),
        );
        services.changes.fire(outcome.changed);
      }
    } else {
      const newPrefix = `${destination.prefix}${baseName(node.prefix)}/`;
      if (newPrefix.startsWith(node.prefix)) {
        void services.ui.showMessage('warning', messages.moveFolderIntoItself(node.prefix));
      } else if (newPrefix !== node.prefix) {
        await moveFolderAndPresent(services, node, newPrefix);
      }
    }
  }
}
