// The local side of a sync: every regular file below the folder that the filter keeps, with its
// size and modification time. Left-out folders are not entered (node_modules costs nothing).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { messages } from '../../ui/messages';
import type { Refusal } from '../outcome';
import type { SyncFilter } from './filters';
import type { LocalVersion } from './types';

export interface LocalFileVersion extends LocalVersion {
  readonly path: string;
}

export interface LocalTree {
  /** By relative path ('/'-separated). */
  readonly files: Map<string, LocalFileVersion>;
  readonly refused: Refusal[];
  /** Relative paths of files and folders that could not be read: what they hold is unknown, not absent. */
  readonly unreadable: string[];
}

function codeOf(error: unknown): string {
  return String((error as { code?: string }).code ?? error);
}

/**
 * Walks `root`. A missing root is an empty folder only when `missingIsEmpty` (a first download
 * creates it); as a source it is an error, never "everything was deleted". A link to a file is
 * followed; a link to a folder is not (it could loop, or leave the folder).
 */
export async function walkLocalFolder(
  root: string,
  filter: SyncFilter,
  options: { gitignore: boolean; missingIsEmpty: boolean },
): Promise<LocalTree> {
  const tree: LocalTree = { files: new Map(), refused: [], unreadable: [] };
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    if (rootInfo === undefined && options.missingIsEmpty) {
      return tree;
    }
    throw new Error(messages.syncNoLocalFolder(root));
  }
  const refuse = (relativePath: string, path: string, reason: string) => {
    tree.refused.push({ name: path, reason });
    tree.unreadable.push(relativePath);
  };
  const visit = async (relativeFolder: string): Promise<void> => {
    const folder = join(root, relativeFolder);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      refuse(relativeFolder, folder, messages.syncUnreadableFolder(codeOf(error)));
      return;
    }
    if (options.gitignore) {
      await filter.readGitignore(root, relativeFolder);
    }
    for (const entry of entries) {
      const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!filter.excludes(relativePath, true)) {
          await visit(relativePath);
        }
      } else if (!filter.excludes(relativePath)) {
        const info = await stat(path).catch(() => undefined);
        if (info?.isFile()) {
          tree.files.set(relativePath, { path, size: info.size, mtimeMs: Math.floor(info.mtimeMs) });
        } else if (!info?.isDirectory()) {
          refuse(relativePath, path, info ? messages.syncNotRegularFile : messages.syncBrokenLink);
        }
      }
    }
  };
  await visit('');
  return tree;
}
