import { isValidKey } from '../r2';
import { moveOne } from '../operations/copyOne';
import { isObjectNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import type { Services } from './services';

function parentOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original.
 * An existing target is replaced only after the user confirms, and only the version they were asked
 * about; only the version shown is copied and deleted (a changed source fails, or is kept, instead of
 * moving someone else's write).
 */
export async function rename(services: Services, node?: unknown): Promise<void> {
  if (!isObjectNode(node)) {
    return;
  }
  const { account, bucket, key } = node;
  const target = await ask(services.ui, {
    title: `Rename or Move ${key}`,
    prompt: messages.renamePromptKey(bucket),
    value: key,
    valueSelection: [parentOf(key).length, key.length - (key.includes('.') ? key.length - key.lastIndexOf('.') : 0)],
    validateInput: (value) => (isValidKey(value) ? undefined : messages.invalidKey),
  }, { verbatim: true });
  if (target === key) {
    return;
  }
  const client = await services.clients.get(account);
  const signal = AbortSignal.timeout(10 * 60_000);
  const confirmOverwrite = async (existing: string, changed: boolean) => {
    const question = changed ? messages.changedSinceAsked(existing, bucket) : messages.alreadyExists(existing, bucket);
    return (await services.ui.showModal(question, messages.overwriteAction)) === messages.overwriteAction;
  };
  if ((await moveOne({ client, bucket, key, etag: node.object.etag }, target, confirmOverwrite, signal)) === 'skipped') {
    return;
  }
  services.explorer.refreshLocation(account.id, bucket, parentOf(key));
  services.explorer.refreshLocation(account.id, bucket, parentOf(target));
}
