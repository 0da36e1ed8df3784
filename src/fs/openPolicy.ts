import * as vscode from 'vscode';

/** What makes opening an object worth a question first. */
export interface OpenCautions {
  /** Over `r2.openSizeLimitMB`: the whole object is downloaded into memory. */
  readonly tooLarge: boolean;
  /** InfrequentAccess storage bills a retrieval fee per GB read. */
  readonly infrequentAccess: boolean;
}

export function openSizeLimitBytes(): number {
  const megabytes = vscode.workspace.getConfiguration('r2').get<number>('openSizeLimitMB', 50);
  return Math.max(0, megabytes) * 1024 * 1024;
}

/** Undefined when the object can simply be opened. */
export function openCautions(
  object: { readonly size: number; readonly storageClass?: string },
  limitBytes = openSizeLimitBytes(),
): OpenCautions | undefined {
  const tooLarge = object.size > limitBytes;
  const infrequentAccess = object.storageClass === 'STANDARD_IA';
  return tooLarge || infrequentAccess ? { tooLarge, infrequentAccess } : undefined;
}

/**
 * The command a click on an object runs. `vscode.open` is what VS Code's Explorer gets: the view
 * passes it the click, so a single click opens a preview and a double click keeps the editor open
 * (`workbench.list.openMode` applies). Objects that need a question first go through r2.openObject.
 */
export function openOnClick(node: {
  readonly uri: vscode.Uri;
  readonly size: number;
  readonly storageClass?: string;
}): vscode.Command {
  return openCautions(node)
    ? { command: 'r2.openObject', title: 'Open', arguments: [node] }
    : { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
}
