import * as vscode from 'vscode';
import { toR2Uri } from '../fs/r2Uri';
import { ObjectNode } from '../tree/objectNode';
import { selectedNodes } from '../tree/selection';
import { messages } from '../ui/messages';
import { pickObject } from '../ui/objectPicker';
import { pick } from '../ui/prompts';
import type { ObjectTarget } from './objectTarget';
import { confirmOpen, objectTarget } from './objectTarget';
import type { Services } from './services';

const TITLE = 'Compare With';

function title(left: string, right: string): string {
  return `${left} ↔ ${right}`;
}

function fileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1) || key;
}

/**
 * Compares an object with a local file or another object in VS Code's diff editor. Two objects
 * selected in the view are compared with each other directly.
 */
export async function compareWith(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const selected = selectedNodes(node, selection, []).filter((each): each is ObjectNode => each instanceof ObjectNode);
  if (selected.length === 2) {
    const [left, right] = await Promise.all(selected.map((each) => objectTarget(services, each, TITLE)));
    if ((await confirmOpen(services, left)) && (await confirmOpen(services, right))) {
      await vscode.commands.executeCommand('vscode.diff', left.uri, right.uri, title(`${left.bucket}/${left.key}`, `${right.bucket}/${right.key}`));
    }
    return;
  }
  const target = await objectTarget(services, node, TITLE, { useActiveEditor: true });
  const choice = await pick(
    [
      { label: messages.compareWithLocalFile, other: 'file' as const },
      { label: messages.compareWithObject, other: 'object' as const },
    ],
    { title: TITLE, placeHolder: messages.comparePlaceholder(target.key) },
  );
  if (choice.other === 'file') {
    const file = await pickLocalFile();
    if (await confirmOpen(services, target)) {
      await vscode.commands.executeCommand('vscode.diff', target.uri, file, title(`${fileName(target.key)} (R2)`, vscode.workspace.asRelativePath(file)));
    }
    return;
  }
  const other = await pickOtherObject(services, target);
  if ((await confirmOpen(services, target)) && (await confirmOpen(services, other))) {
    await vscode.commands.executeCommand('vscode.diff', target.uri, other.uri, title(`${target.bucket}/${target.key}`, `${other.bucket}/${other.key}`));
  }
}

async function pickLocalFile(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({ title: TITLE, canSelectFiles: true, canSelectFolders: false, canSelectMany: false, openLabel: 'Compare' });
  if (!picked || picked.length === 0) {
    throw new vscode.CancellationError();
  }
  return picked[0];
}

/** Another object, browsed from the folder of the first. */
async function pickOtherObject(services: Services, target: ObjectTarget): Promise<ObjectTarget> {
  const prefix = target.key.slice(0, target.key.lastIndexOf('/') + 1);
  const { account, bucket, object } = await pickObject(services, TITLE, { account: target.account, bucket: target.bucket, prefix });
  return { account, bucket, key: object.key, uri: toR2Uri({ accountId: account.id, bucket, key: object.key }), object };
}
