import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { deleteObjects } from '../r2';
import { ListingNode } from '../tree/listingNode';
import { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import { objectsUnder } from '../operations/objectsUnder';
import { messages } from '../ui/messages';
import { withCancellableProgress } from '../ui/prompts';
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
  const nodes = selectedNodes(node, selection, services.view.selection).filter((n) => n instanceof ObjectNode || n instanceof ListingNode);
  if (nodes.length === 0) {
    void vscode.window.showInformationMessage(messages.selectInView);
    return;
  }
  const targets = await withCancellableProgress(messages.countingObjects, async (signal) => {
    const byBucket = new Map<string, Target>();
    for (const selected of nodes) {
      const { account, bucket } = selected as ObjectNode | ListingNode;
      const id = `${account.id}/${bucket}`;
      const target = byBucket.get(id) ?? { account, bucket, keys: [], parents: new Set<string>() };
      byBucket.set(id, target);
      if (selected instanceof ObjectNode) {
        target.keys.push(selected.key);
        target.parents.add(parentPrefix(selected.key));
      } else if (selected instanceof ListingNode) {
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
    void vscode.window.showInformationMessage(messages.nothingToDelete);
    return;
  }
  const confirm = await vscode.window.showWarningMessage(messages.confirmDelete(total, where), { modal: true }, messages.deleteAction);
  if (confirm !== messages.deleteAction) {
    return;
  }
  const failures: string[] = [];
  let deleted = 0;
  await withCancellableProgress(messages.deleting(where), async (signal) => {
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
    const choice = await vscode.window.showWarningMessage(messages.deletePartial(deleted, failures.length), messages.showLogAction);
    if (choice === messages.showLogAction) {
      services.log.show();
    }
    return;
  }
  void vscode.window.showInformationMessage(messages.deleted(deleted, where));
}
