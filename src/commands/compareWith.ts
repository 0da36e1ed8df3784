import { toR2Uri } from '../fs/r2Uri';
import { baseName, parentPrefix } from '../r2';
import { isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { messages } from '../ui/messages';
import { pickObject } from '../ui/pickers';
import { pick, pickLocalFile } from '../ui/prompts';
import type { ObjectTarget } from './objectTarget';
import { confirmOpen, objectTarget } from './objectTarget';
import type { Services } from './services';

const TITLE = 'Compare With';

function title(left: string, right: string): string {
  return `${left} ↔ ${right}`;
}

function fileName(key: string): string {
  return baseName(key) || key;
}

/**
 * Compares an object with a local file or another object in VS Code's diff editor. Two objects
 * selected in the view are compared with each other directly.
 */
export async function compareWith(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const { ui } = services;
  const selected = selectedNodes(node, selection, []).filter(isObjectNode);
  if (selected.length === 2) {
    const [left, right] = await Promise.all(selected.map((each) => objectTarget(services, each, TITLE)));
    if ((await confirmOpen(services, left)) && (await confirmOpen(services, right))) {
      await ui.executeCommand(
        'vscode.diff',
        left.uri,
        right.uri,
        title(`${left.bucket}/${left.key}`, `${right.bucket}/${right.key}`),
      );
    }
    return;
  }
  const target = await objectTarget(services, node, TITLE, { useActiveEditor: true });
  const choice = await pick(
    ui,
    [
      { label: messages.compareWithLocalFile, other: 'file' as const },
      { label: messages.compareWithObject, other: 'object' as const },
    ],
    { title: TITLE, placeHolder: messages.comparePlaceholder(target.key) },
  );
  if (choice.other === 'file') {
    const file = await pickLocalFile(ui, TITLE, 'Compare');
    if (await confirmOpen(services, target)) {
      await ui.executeCommand(
        'vscode.diff',
        target.uri,
        file,
        title(`${fileName(target.key)} (R2)`, ui.asRelativePath(file)),
      );
    }
    return;
  }
  const other = await pickOtherObject(services, target);
  if ((await confirmOpen(services, target)) && (await confirmOpen(services, other))) {
    await ui.executeCommand(
      'vscode.diff',
      target.uri,
      other.uri,
      title(`${target.bucket}/${target.key}`, `${other.bucket}/${other.key}`),
    );
  }
}

/** Another object, browsed from the folder of the first. */
async function pickOtherObject(services: Services, target: ObjectTarget): Promise<ObjectTarget> {
  const prefix = parentPrefix(target.key);
  const { account, bucket, object } = await pickObject(services, TITLE, {
    account: target.account,
    bucket: target.bucket,
    prefix,
  });
  return { account, bucket, key: object.key, uri: toR2Uri({ accountId: account.id, bucket, key: object.key }), object };
}
