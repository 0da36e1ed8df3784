import * as vscode from 'vscode';
import { isValidKey, moveObject, objectExists } from '../r2';
import { ObjectNode } from '../tree/objectNode';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import type { Services } from './services';

function parentOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/**
 * Renames or moves an object within its bucket: copy (metadata kept), then delete the original.
 * An existing target is replaced only after the user confirms; the copy is bound to the version
 * shown (a changed source fails instead of moving someone else's write).
 */
export async function rename(services: Services, node?: unknown): Promise<void> {
  if (!(node instanceof ObjectNode)) {
    return;
  }
  const { account, bucket, key } = node;
  const target = await ask({
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
  if (await objectExists(client, { bucket, key: target }, signal)) {
    const answer = await vscode.window.showWarningMessage(messages.alreadyExists(target, bucket), { modal: true }, messages.overwriteAction);
    if (answer !== messages.overwriteAction) {
      return;
    }
  }
  await moveObject(client, { source: { bucket, key }, destination: { bucket, key: target }, sourceIfMatch: node.object.etag }, signal);
  services.explorer.refreshLocation(account.id, bucket, parentOf(key));
  services.explorer.refreshLocation(account.id, bucket, parentOf(target));
}
