import { DEADLINE_MS, isValidKey, parentPrefix } from '../r2';
import { renameObject } from '../operations';
import { isObjectNode } from '../tree/nodeKinds';
import { targetNode } from '../tree/selection';
import { ModalAsker } from '../ui/asker';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original.
 * An existing target is replaced only after the user confirms, and only the version they were asked
 * about; only the version shown is copied and deleted (a changed source fails, or is kept, instead of
 * moving someone else's write).
 */
export async function rename(services: Services, clicked?: unknown): Promise<void> {
  const node = targetNode(clicked, services.view.selection);
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
  const object = { account, bucket, key, etag: node.object.etag };
  const outcome = await renameObject(
    { clients: services.clients, object, newKey: target },
    AbortSignal.timeout(DEADLINE_MS.objectMove),
    new ModalAsker(services.ui),
  );
  services.changes.fire(outcome.changed);
}
