// What an upload of files and folders sends: every regular file under the selection, with the key
// suffix that keeps the folder structure. No vscode import: unit-tested in plain Node.
import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface LocalFile {
  readonly path: string;
  /** Path below the upload destination, '/'-separated: `photos/2024/a.jpg`. */
  readonly relativeKey: string;
  readonly size: number;
}

/** A path that cannot be uploaded, and why (unreadable, broken link, not a regular file). */
export interface LocalProblem {
  readonly path: string;
  readonly reason: string;
}

export interface LocalSelection {
  readonly files: LocalFile[];
  readonly problems: LocalProblem[];
}

function toKey(path: string): string {
  return path.split(sep).join('/');
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'it no longer exists, or is a broken link';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a symbolic link loop';
    default:
      return code ?? String(error);
  }
}

/**
 * Expands files and folders into the files to upload. A selected folder keeps its own name
 * (`photos/…`), as when dragging a folder into a file manager. Links are followed once; a broken
 * link or an unreadable entry is reported, never silently dropped.
 */
export async function collectLocalFiles(paths: readonly string[]): Promise<LocalSelection> {
  const files: LocalFile[] = [];
  const problems: LocalProblem[] = [];

  const visitDirectory = async (dir: string, base: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, reason: describe(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      await visit(join(dir, entry.name), base);
    }
  };

  const visit = async (path: string, base: string): Promise<void> => {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        // A link to a folder is not followed: it could loop or leave the selection.
        if ((await lstat(path)).isSymbolicLink()) {
          problems.push({ path, reason: 'a link to a folder (not followed)' });
          return;
        }
        await visitDirectory(path, base);
      } else if (info.isFile()) {
        files.push({ path, relativeKey: toKey(relative(base, path)), size: info.size });
      } else {
        problems.push({ path, reason: 'not a regular file' });
      }
    } catch (error) {
      problems.push({ path, reason: describe(error) });
    }
  };

  for (const path of paths) {
    // The selected item's parent is the base, so its own name starts the key.
    await visit(path, join(path, '..'));
  }
  return { files, problems };
}
