// Where a download may write. Checking paths as text is not enough: a folder below the chosen one can
// be a symbolic link (a cloned repository may hold one), and mkdir, open and rename would follow it
// out. So folders are created or entered one level at a time and each must be a real folder, the
// file name itself must not be a link, and the real path must stay inside the chosen folder's.
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ErrorContext } from './errors';
import { classifyError, R2Error } from './errors';

/** The longest file name, in bytes of UTF-8, that ext4, APFS and NTFS all hold. */
const MAX_NAME_BYTES = 255;

export interface LocalTarget {
  /** The real path of the file's folder, checked to lie inside the chosen folder. */
  readonly folder: string;
  /** The file: `folder` and the name. */
  readonly path: string;
}

function refused(context: ErrorContext, why: string): R2Error {
  return new R2Error('LocalPathRefused', context, { message: `"${context.key ?? ''}" was not downloaded: ${why}` });
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside));
}

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

/** Fails unless `path` is absent or a file: a link there is neither followed nor replaced. */
async function checkFileName(path: string, context: ErrorContext): Promise<void> {
  const info = await lstat(path).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') {
      return undefined;
    }
    throw err;
  });
  if (info?.isSymbolicLink()) {
    throw refused(context, `${path} is a symbolic link, and a download neither follows nor replaces one.`);
  }
}

async function prepare(filePath: string, root: string, context: ErrorContext): Promise<LocalTarget> {
  const name = basename(filePath);
  const base = resolve(root);
  const fileFolder = resolve(dirname(filePath));
  if (!isInside(base, fileFolder)) {
    throw refused(context, `${filePath} is outside the chosen folder ${root}.`);
  }
  const below = relative(base, fileFolder)
    .split(sep)
    .filter((part) => part !== '');
  for (const [index, segment] of [...below, name].entries()) {
    const bytes = Buffer.byteLength(segment);
    if (bytes > MAX_NAME_BYTES) {
      const what = index === below.length ? 'file' : 'folder';
      throw refused(
        context,
        `its ${what} name is ${bytes} bytes long, more than the ${MAX_NAME_BYTES} a name may have.`,
      );
    }
  }
  // Links above the chosen folder (or the folder itself, as /tmp on macOS) were the user's choice.
  const realRoot = await realpath(root);
  let folder = realRoot;
  for (const segment of below) {
    folder = join(folder, segment);
    // mkdir never follows a link at its last step: a link (even a broken one) here is EEXIST.
    await mkdir(folder).catch((err: unknown) => {
      if (errorCode(err) !== 'EEXIST') {
        throw err;
      }
    });
    const info = await lstat(folder);
    if (info.isSymbolicLink()) {
      throw refused(
        context,
        `${folder} is a symbolic link, and a download never writes through a link below the chosen folder.`,
      );
    }
    if (!info.isDirectory()) {
      throw new R2Error('FileSystem', context, {
        message: `"${context.key ?? ''}" was not downloaded: ${folder} is a file, not a folder.`,
      });
    }
  }
  // Belt and braces: whatever replaced a folder meanwhile, the real path must still be inside.
  const realFolder = await realpath(folder);
  if (!isInside(realRoot, realFolder)) {
    throw refused(context, `${folder} leads outside the chosen folder ${root}.`);
  }
  const path = join(realFolder, name);
  await checkFileName(path, context);
  return { folder: realFolder, path };
}

/**
 * Checks (and creates the missing folders of) the file a download writes, below `root`, the folder
 * the user chose; without one, the file's folder must exist. Nothing on the way may be a symbolic
 * link, nor the file name, which must also fit the file system.
 */
export async function prepareLocalTarget(
  filePath: string,
  root: string | undefined,
  context: ErrorContext,
  signal: AbortSignal,
): Promise<LocalTarget> {
  try {
    return await prepare(filePath, root ?? dirname(filePath), context);
  } catch (err) {
    throw classifyError(err, context, signal);
  }
}

/**
 * Just before the finished file is renamed into place: the folder must be the one checked (not a
 * link swapped in meanwhile), and the file name must still not be a link.
 */
export async function confirmLocalTarget(target: LocalTarget, context: ErrorContext): Promise<void> {
  if ((await realpath(target.folder)) !== target.folder) {
    throw refused(context, `${target.folder} was replaced by a link while the file was downloaded.`);
  }
  await checkFileName(target.path, context);
}
