// Pin, Unpin and the click on a pin: the pins themselves live in the tree's PinStore (globalState).
import { toR2Uri } from '../fs/r2Uri';
import { isListingNode, isObjectNode, isPinNode } from '../tree/nodeKinds';
import { revealKey } from '../tree/revealKey';
import { confirmDone } from '../ui/confirm';
import { messages } from '../ui/messages';
import type { Services } from './services';

/** Pins a bucket, folder or object (each of a multi-selection) at the top of its account. */
export async function pin(services: Services, node?: unknown, selected?: readonly unknown[]): Promise<void> {
  const nodes = (selected ?? [node]).filter((each) => isListingNode(each) || isObjectNode(each));
  for (const each of nodes) {
    const key = isObjectNode(each) ? each.key : each.prefix;
    await services.pins.add({ accountId: each.account.id, bucket: each.bucket, key });
  }
  if (nodes.length > 0) {
    confirmDone(services.ui, messages.pinned(nodes.length));
  }
}

/** Removes a pin, present or gone. */
export async function unpin(services: Services, node?: unknown, selected?: readonly unknown[]): Promise<void> {
  for (const each of (selected ?? [node]).filter(isPinNode)) {
    await services.pins.remove(each.pin);
  }
}

/** A pin's click: opens the object, reveals a bucket or folder; a pin that is gone says so and offers Remove. */
export async function openPin(services: Services, node?: unknown): Promise<void> {
  if (!isPinNode(node)) {
    return;
  }
  const { bucket, key } = node.pin;
  const where = `${bucket}/${key}`;
  const found =
    !node.missing &&
    (key === '' || key.endsWith('/')
      ? await revealKey(services.explorer, services.view, node.account.id, bucket, key)
      : (await services.ui.executeCommand('vscode.open', toR2Uri({ accountId: node.account.id, bucket, key })), true));
  if (!found) {
    const choice = await services.ui.showMessage('warning', messages.pinGone(where), messages.removePinAction);
    if (choice === messages.removePinAction) {
      await services.pins.remove(node.pin);
    }
  }
}
