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
}

/**
 * Walks `root` (a missing root is an empty folder: a first download creates it). A link to a file
 * is followed; a link to a folder is not (it could loop, or leave the folder).
 */
export async function walkLocalFolder(root: string, filter: SyncFilter, gitignore: boolean): Promise<LocalTree> {
  const files = new Map<string, LocalFileVersion>();
  const refused: Refusal[] = [];
  const visit = async (relativeFolder: string): Promise<void> => {
    const folder = join(root, relativeFolder);
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      if (relativeFolder !== '' || (error as { code?: string }).code !== 'ENOENT') {
        refused.push({
          name: folder,
          reason: messages.syncUnreadableFolder(String((error as { code?: string }).code ?? error)),
        });
      }
      return [];
    });
    if (gitignore) {
      await filter.readGitignore(root, relativeFolder);
    }
    for (const entry of entries) {
      const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!filter.excludes(relativePath, true)) {
          await visit(relativePath);
        }
        continue;
      }
      if (filter.excludes(relativePath)) {
        continue;
      }
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) {
        files.set(relativePath, { path, size: info.size, mtimeMs: Math.floor(info.mtimeMs) });
      } else if (!info?.isDirectory()) {
        refused.push({ name: path, reason: info ? messages.syncNotRegularFile : messages.syncBrokenLink });
      }
    }
  };
  await visit('');
  return { files, refused };
}
