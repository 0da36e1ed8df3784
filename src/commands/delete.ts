import type { Account } from '../accounts/account';
import { deleteObjects } from '../r2';
import type { ListingNode } from '../tree/listingNode';
import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import type { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import { objectsUnder } from '../operations/objectsUnder';
import { messages } from '../ui/messages';
import type { Services } from './services';

interface Target {
  readonly account: Account;
  readonly bucket: string;
  /** Folder markers included: a deleted folder leaves nothing behind. */
  readonly keys: string[];
  /** Where the view lists anew afterwards. */
  readonly parents: Set<string>;
}

function parentPrefix(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/**
 * Deletes the selected objects and folders after a confirmation that says how many objects go.
 * Folders are listed first and exactly the keys counted are deleted (in DeleteObjects batches of
 * 1000): an object written meanwhile is not removed unseen.
 */
export async function deleteCommand(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const { ui } = services;
  const nodes = selectedNodes(node, selection, services.view.selection).filter((n): n is ObjectNode | ListingNode => isObjectNode(n) || isListingNode(n));
  if (nodes.length === 0) {
    void ui.showMessage('info', messages.selectInView);
    return;
  }
  const targets = await ui.withProgress(messages.countingObjects, async (signal) => {
    const byBucket = new Map<string, Target>();
    for (const selected of nodes) {
      const { account, bucket } = selected;
      const id = `${account.id}/${bucket}`;
      const target = byBucket.get(id) ?? { account, bucket, keys: [], parents: new Set<string>() };
      byBucket.set(id, target);
      if (isObjectNode(selected)) {
        target.keys.push(selected.key);
        target.parents.add(parentPrefix(selected.key));
      } else {
        for await (const page of objectsUnder(await services.clients.get(account), bucket, selected.prefix, signal)) {
          target.keys.push(...page.map((object) => object.key));
        }
        target.parents.add(parentPrefix(selected.prefix));
      }
    }
    return [...byBucket.values()];
  });
  const total = targets.reduce((sum, target) => sum + target.keys.length, 0);
  const where = targets.length === 1 ? targets[0].bucket : `${targets.length} buckets`;
  if (total === 0) {
    void ui.showMessage('info', messages.nothingToDelete);
    return;
  }
  const confirm = await ui.showModal(messages.confirmDelete(total, where), messages.deleteAction);
  if (confirm !== messages.deleteAction) {
    return;
  }
  const failures: string[] = [];
  let deleted = 0;
  await ui.withProgress(messages.deleting(where), async (signal) => {
    for (const target of targets) {
      const result = await deleteObjects(await services.clients.get(target.account), { bucket: target.bucket, keys: target.keys }, signal);
      deleted += result.deleted.length;
      failures.push(...result.errors.map((error) => `${target.bucket}/${error.key}: ${error.message}`));
    }
  }).finally(() => {
    for (const target of targets) {
      target.parents.forEach((prefix) => services.explorer.refreshLocation(target.account.id, target.bucket, prefix));
    }
  });
  if (failures.length > 0) {
    failures.forEach((failure) => services.log.error(`Delete failed: ${failure}`));
    const choice = await ui.showMessage('warning', messages.deletePartial(deleted, failures.length), messages.showLogAction);
    if (choice === messages.showLogAction) {
      services.log.show();
    }
    return;
  }
  void ui.showMessage('info', messages.deleted(deleted, where));
}
