// Paste (Ctrl+V) on a bucket or folder of the R2 view: rows copied or cut in the view are copied or
// moved there; otherwise local files whose paths or file: URIs the clipboard holds (VS Code's Copy
// Path, a file manager's copy as text) are uploaded there.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { pasteDestination, targetNode } from '../tree/selection';
import { messages } from '../ui/messages';
import { copyNodesInto } from './copyTo';
import { moveNodesInto } from './rename';
import { refusesWrite } from './readOnly';
import type { Services } from './services';

/** Local files named by the clipboard's lines: absolute paths or file: URIs of files that exist. */
function localFiles(text: string): vscode.Uri[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^"(.*)"$/, '$1'))
    .filter((line) => line !== '')
    .map((line) =>
      line.startsWith('file:') ? vscode.Uri.parse(line) : isAbsolute(line) ? vscode.Uri.file(line) : undefined,
    )
    .filter((uri): uri is vscode.Uri => uri?.scheme === 'file' && existsSync(uri.fsPath));
}

export async function paste(services: Services, node?: unknown): Promise<void> {
  const destination = pasteDestination(targetNode(node, services.view.selection));
  if (!destination || refusesWrite(services.ui, [destination])) {
    return;
  }
  const text = await services.ui.readClipboard();
  const taken = services.treeClipboard.current(text);
  if (taken?.mode === 'copy') {
    await copyNodesInto(services, taken.nodes, destination);
  } else if (taken?.mode === 'cut') {
    services.treeClipboard.clear();
    await moveNodesInto(services, taken.nodes, destination);
  } else {
    const files = localFiles(text);
    if (files.length === 0) {
      // An image is never in the text the API reads: offered, in case the clipboard holds one.
      const action = await services.ui.showMessage('info', messages.nothingToPaste, messages.pasteImageAction);
      if (action === messages.pasteImageAction) {
        await services.ui.executeCommand('r2.pasteImage', destination);
      }
      return;
    }
    await services.ui.executeCommand('r2.upload', destination, files);
  }
}

/** Rows dragged onto a folder move there, after one confirmation. */
export async function moveInto(services: Services, target?: unknown, nodes?: readonly unknown[]): Promise<void> {
  const destination = pasteDestination(target);
  const moving = (nodes ?? []).filter((each) => isObjectNode(each) || (isListingNode(each) && each.kind === 'prefix'));
  if (!destination || moving.length === 0 || refusesWrite(services.ui, [destination, ...moving])) {
    return;
  }
  const where = `${destination.bucket}/${destination.prefix}`;
  const action = messages.moveAction;
  if ((await services.ui.showModal(messages.confirmMoveInto(moving.length, where), action)) !== action) {
    return;
  }
  await moveNodesInto(services, moving, destination);
}
