import { changeStorageClass, planStorageClass } from '../operations';
import type { StorageClassName, StorageClassPlan, StorageClassTarget } from '../operations';
import { isObjectNode } from '../tree/nodeKinds';
import { selectedObjectsAndFolders } from '../tree/selection';
import { formatBytes } from '../ui/format';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { withReporter } from '../ui/progressReporter';
import { pick } from '../ui/prompts';
import type { Services } from './services';

const CLASSES: ReadonlyArray<{ storageClass: StorageClassName; label: string; detail: string }> = [
  { storageClass: 'STANDARD', label: messages.storageClassStandard, detail: messages.storageClassStandardDetail },
  {
    storageClass: 'STANDARD_IA',
    label: messages.storageClassInfrequent,
    detail: messages.storageClassInfrequentDetail,
  },
];

/**
 * Moves the selected objects and folders (everything under them) to Standard or Infrequent Access,
 * in place with their metadata, after a confirmation that says how many objects and bytes change
 * and what Infrequent Access costs.
 */
export async function changeStorageClassCommand(
  services: Services,
  node?: unknown,
  selection?: unknown,
): Promise<void> {
  const { ui } = services;
  const targets = selectedObjectsAndFolders(node, selection, services.view.selection).map(
    (selected): StorageClassTarget =>
      isObjectNode(selected)
        ? { kind: 'object', account: selected.account, bucket: selected.bucket, ...selected.object }
        : { kind: 'folder', account: selected.account, bucket: selected.bucket, prefix: selected.prefix },
  );
  if (targets.length === 0) {
    void ui.showMessage('info', messages.selectInView);
    return;
  }
  const chosen = await pick(ui, CLASSES, {
    title: messages.storageClassTitle,
    placeHolder: messages.storageClassPlaceholder,
  });
  const plan = await ui.withProgress(messages.listingStorageClass, (signal) =>
    planStorageClass(services.clients, targets, chosen.storageClass, signal),
  );
  if (plan.objects.length === 0) {
    void ui.showMessage('info', messages.storageClassNothingToDo(plan.already, chosen.label));
    return;
  }
  const question = [
    messages.confirmStorageClass(plan.objects.length, formatBytes(plan.bytes), chosen.label, plan.already),
    chosen.storageClass === 'STANDARD_IA'
      ? messages.storageClassToInfrequentWarning
      : messages.storageClassToStandardWarning,
  ].join('\n\n');
  if ((await ui.showModal(question, messages.changeStorageClassAction)) !== messages.changeStorageClassAction) {
    return;
  }
  await changeAndPresent(services, plan, chosen.label);
}

async function changeAndPresent(services: Services, plan: StorageClassPlan, className: string): Promise<void> {
  const outcome = await withReporter(
    services.ui,
    messages.changingStorageClass(className),
    (signal, reporter) => changeStorageClass(services.clients, plan, signal, reporter),
    (progress) => messages.objectsProgress(progress.itemsDone, progress.itemsTotal),
  );
  services.changes.fire(outcome.changed);
  await presentOutcome(services, outcome, {
    verb: 'changed',
    summary: (counts) => messages.transferSummary(`changed to ${className}`, counts),
    describe: (object) => `${object.bucket}/${object.key}`,
    accountOf: (object) => object.account.id,
    retryFailed: (failed) => changeAndPresent(services, { ...plan, objects: failed }, className),
  });
}
