import { deletePlanned, planDeletion, planObjects } from '../operations';
import type { DeleteTarget, DeletionPlan } from '../operations';
import { isObjectNode } from '../tree/nodeKinds';
import { selectedObjectsAndFolders } from '../tree/selection';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { barOnly, withReporter } from '../ui/progressReporter';
import { refusesWrite } from './readOnly';
import type { Services } from './services';

/**
 * Deletes the selected objects and folders after a confirmation that says how many objects go.
 * Folders are listed first and exactly the keys counted are deleted (in DeleteObjects batches of
 * 1000): an object written meanwhile is not removed unseen.
 */
export async function deleteCommand(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const { ui } = services;
  // A selected bucket (Delete pressed on its row) is deleted with Delete Bucket… only.
  const targets = selectedObjectsAndFolders(node, selection, services.view.selection).map((selected): DeleteTarget =>
    isObjectNode(selected)
      ? { kind: 'object', account: selected.account, bucket: selected.bucket, key: selected.key }
      : { kind: 'folder', account: selected.account, bucket: selected.bucket, prefix: selected.prefix },
  );
  if (targets.length === 0) {
    void ui.showMessage('info', messages.selectInView);
    return;
  }
  if (refusesWrite(ui, targets)) {
    return;
  }
  const plan = await ui.withProgress(messages.countingObjects, (signal) =>
    planDeletion(services.clients, targets, signal),
  );
  if (plan.total === 0) {
    void ui.showMessage('info', messages.nothingToDelete);
    return;
  }
  if (!(await confirmDeletion(services, targets, plan))) {
    return;
  }
  await deleteAndPresent(services, plan);
}

/**
 * Names what goes: the object, or the folder and how many objects it holds. One object: a modal
 * with Delete. More than one: VS Code's modal makes its first button the default, so Enter would
 * delete them all; a quick pick with Cancel first (active, so Enter cancels) asks instead, as the
 * destructive choice must then be picked on purpose.
 */
async function confirmDeletion(
  services: Services,
  targets: readonly DeleteTarget[],
  plan: DeletionPlan,
): Promise<boolean> {
  const [only] = targets;
  const question =
    targets.length === 1 && only.kind === 'object'
      ? messages.confirmDeleteObject(only.key, only.bucket)
      : targets.length === 1 && only.kind === 'folder'
        ? messages.confirmDeleteFolder(only.prefix, plan.total, only.bucket)
        : messages.confirmDelete(plan.total, plan.where);
  if (plan.total === 1) {
    return (await services.ui.showModal(question, messages.deleteAction)) === messages.deleteAction;
  }
  const remove = { label: messages.deleteCount(plan.total) };
  const picked = await services.ui.showQuickPick([{ label: messages.deleteCancel }, remove], {
    title: question,
    placeHolder: messages.deleteCountPlaceholder,
  });
  return picked === remove;
}

async function deleteAndPresent(services: Services, plan: DeletionPlan): Promise<void> {
  const outcome = await withReporter(
    services.ui,
    messages.deleting(plan.where),
    (signal, reporter) => deletePlanned(services.clients, plan, signal, reporter),
    barOnly,
  );
  services.changes.fire(outcome.changed);
  if (outcome.cancelled) {
    // Cancel was pressed: the view shows what is left.
    return;
  }
  await presentOutcome(services, outcome, {
    verb: 'deleted',
    summary: (counts) =>
      counts.failed > 0
        ? messages.deletePartial(counts.done, counts.failed)
        : messages.deleted(counts.done, plan.where),
    describe: (object) => `${object.bucket}/${object.key}`,
    accountOf: (object) => object.account.id,
    retryFailed: (failed) => deleteAndPresent(services, planObjects(failed)),
  });
}
