import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';
import { ListingNode } from './listingNode';
import { ObjectNode } from './objectNode';

/**
 * Files and folders dropped on a bucket or folder (from VS Code's Explorer or the OS) are uploaded
 * there through the r2.upload command, so drops get the same prompts, progress and summary.
 */
/** What VS Code names the rows dragged inside this view (the view id, lower-cased). */
const VIEW_ROWS = 'application/vnd.code.tree.r2explorer';

export class ExplorerDragAndDrop implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dropMimeTypes = [VIEW_ROWS, 'text/uri-list', 'files'];
  readonly dragMimeTypes: string[] = [];

  async handleDrop(target: ExplorerNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    // Rows dragged inside the view: moved to the folder dropped on, after one confirmation.
    const rows = dataTransfer.get(VIEW_ROWS)?.value as readonly ExplorerNode[] | undefined;
    if (rows && rows.length > 0) {
      await vscode.commands.executeCommand('r2.moveInto', target, rows);
      return;
    }
    // Dropping on an object means its folder.
    const destination = target instanceof ObjectNode ? target.getParent() : target;
    if (!(destination instanceof ListingNode)) {
      return;
    }
    const uris = await droppedUris(dataTransfer);
    if (uris.length > 0) {
      await vscode.commands.executeCommand('r2.upload', destination, uris);
    }
  }
}

async function droppedUris(dataTransfer: vscode.DataTransfer): Promise<vscode.Uri[]> {
  const list = await dataTransfer.get('text/uri-list')?.asString();
  const fromList = (list ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => vscode.Uri.parse(line))
    .filter((uri) => uri.scheme === 'file');
  if (fromList.length > 0) {
    return fromList;
  }
  const files: vscode.Uri[] = [];
  dataTransfer.forEach((item) => {
    const uri = item.asFile()?.uri;
    if (uri?.scheme === 'file') {
      files.push(uri);
    }
  });
  return files;
}
