// Request economy: each user action run through the real extension (its commands, tree and file
// system provider), with the local server counting what reached it. The view stays closed, so no
// refresh a visible tree would do after a change is counted: only what the action itself sends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/explorerNode';
import { messages } from '../../src/ui/messages';
import { scriptPrompts } from '../../test/integration/support/prompts';
import { folderNode, serverCounts, setting } from './host';
import type { ActionCount } from './protocol';

const FOLDER_FILES = 20;
const LARGE_FILE_MIB = 40;
/** src/r2's UPLOAD_DEFAULTS.partSize, in MiB (not imported: this module runs in the measured host). */
const PART_MIB = 16;

/** Runs `work` alone against fresh counters; a short pause lets any request it set off arrive. */
async function count(
  action: string,
  minimum: Record<string, number>,
  why: string,
  work: () => PromiseLike<unknown>,
): Promise<ActionCount> {
  await serverCounts.reset();
  await work();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { action, requests: await serverCounts.read(), minimum, why };
}

/** Commands that end with a summary message get it answered (dismissed) instead of waiting on it. */
async function quietly(command: string, args: unknown[], picks: string[] = []): Promise<void> {
  const prompts = scriptPrompts(picks, undefined);
  try {
    await vscode.commands.executeCommand(command, ...args);
  } finally {
    prompts.restore();
  }
}

function child(
  children: ExplorerNode[],
  test: (node: { key?: string; prefix?: string }) => boolean,
  what: string,
): ExplorerNode {
  const found = children.find((node) => test(node as { key?: string; prefix?: string }));
  if (!found) {
    const listed = children.slice(0, 5).map((node) => {
      const { key, prefix, label } = node as { key?: string; prefix?: string; label?: unknown };
      return key ?? prefix ?? String(label);
    });
    throw new Error(`${what} is not listed; the first of ${children.length} listed: ${listed.join(', ')}`);
  }
  return found;
}

function localFiles(): { root: string; one: string; folder: string; large: string } {
  const root = mkdtempSync(join(tmpdir(), 'r2-bench-local-'));
  const one = join(root, 'one.txt');
  writeFileSync(one, 'one small file\n');
  // Sorts before every other key of the economy folder, so it is on the first page.
  const folder = join(root, 'a-folder');
  mkdirSync(folder);
  for (let i = 0; i < FOLDER_FILES; i++) {
    writeFileSync(join(folder, `file-${i}.txt`), `file ${i}\n`.repeat(100));
  }
  const large = join(root, 'large.bin');
  writeFileSync(large, Buffer.alloc(LARGE_FILE_MIB * 1024 * 1024, 7));
  return { root, one, folder, large };
}

export async function measureActions(api: ExtensionApi, account: ExplorerNode): Promise<ActionCount[]> {
  const files = localFiles();
  try {
    return await runActions(api, account, files);
  } finally {
    rmSync(files.root, { recursive: true, force: true });
  }
}

async function runActions(
  api: ExtensionApi,
  account: ExplorerNode,
  files: ReturnType<typeof localFiles>,
): Promise<ActionCount[]> {
  const prefix = setting('economyFolder');
  const objectKey = setting('economyObject');
  const folder = await folderNode(api, account, prefix);
  const listing = folder as ExplorerNode & { hasMore: boolean };
  const results: ActionCount[] = [];
  let children: ExplorerNode[] = [];

  results.push(
    await count('expand a folder (1,000 of its keys)', { ListObjectsV2: 1 }, 'one ListObjectsV2 page', async () => {
      children = await api.explorer.getChildren(folder);
    }),
  );
  if (!listing.hasMore) {
    throw new Error(`${prefix} must hold more than one page of keys`);
  }
  results.push(
    await count('load more (next 1,000)', { ListObjectsV2: 1 }, 'one ListObjectsV2 page', () =>
      vscode.commands.executeCommand('r2.loadMore', folder),
    ),
  );

  const object = child(children, (node) => node.key === objectKey, objectKey);
  const uri = (object as ExplorerNode & { uri: vscode.Uri }).uri;
  results.push(
    await count('open an object (from the tree)', { GetObject: 1 }, 'one GET returns the bytes and the ETag', () =>
      vscode.commands.executeCommand('r2.openObject', object),
    ),
  );
  const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (!document) {
    throw new Error(`${uri.toString()} did not open as a text document`);
  }
  results.push(
    await count('save it (edited)', { PutObject: 1 }, 'one PUT with If-Match: the ETag seen when opened', async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), 'edited\n');
      await vscode.workspace.applyEdit(edit);
      if (!(await document.save())) {
        throw new Error('the save failed');
      }
    }),
  );
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  results.push(
    await count('upload one small file', { PutObject: 1 }, 'one PUT with If-None-Match: *', () =>
      quietly('r2.upload', [folder, [vscode.Uri.file(files.one)]]),
    ),
  );
  results.push(
    await count(
      `upload a folder of ${FOLDER_FILES} small files`,
      { PutObject: FOLDER_FILES },
      'one create-only PUT per file',
      () => quietly('r2.upload', [folder, [vscode.Uri.file(files.folder)]]),
    ),
  );
  results.push(
    await count(
      `upload one ${LARGE_FILE_MIB} MiB file (multipart)`,
      { CreateMultipartUpload: 1, UploadPart: Math.ceil(LARGE_FILE_MIB / PART_MIB), CompleteMultipartUpload: 1 },
      `create, ${PART_MIB} MiB parts, complete with If-None-Match: * (one HEAD first is worth its price: it refuses before sending the bytes)`,
      () => quietly('r2.upload', [folder, [vscode.Uri.file(files.large)]]),
    ),
  );

  // An upload into a folder shown as a row lists its parent again, which makes a new node for the
  // folder: find that one and list it (not counted) to reach the new sub-folder's node.
  const uploaded = child(
    await api.explorer.getChildren(await folderNode(api, account, prefix)),
    (node) => node.prefix === `${prefix}a-folder/`,
    `${prefix}a-folder/`,
  );
  results.push(
    await count(
      `delete a folder of ${FOLDER_FILES} objects`,
      { ListObjectsV2: 1, DeleteObjects: 1 },
      'list the keys (one page), one DeleteObjects per 1,000 keys',
      // More than one object is confirmed in a quick pick whose Delete item names the count.
      () => quietly('r2.delete', [uploaded], [messages.deleteCount(FOLDER_FILES)]),
    ),
  );
  return results;
}
