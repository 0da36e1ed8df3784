// Where a downloaded key may be written. Keys are not paths: `../evil`, `/etc/passwd`, `a//b` or a
// NUL are all legal keys, and none may write outside the folder the user chose. Keys are not file
// names either: `Readme.md` and `README.md` are two keys but one file on macOS and Windows.
// (Symbolic links on the way are refused when the file is written: see src/r2/localTarget.ts.)
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { messages } from '../ui/messages';

export type LocalPathResult = { ok: true; path: string } | { ok: false; reason: string };

// Characters no file name may hold here, or on Windows (so a download folder stays portable).
const FORBIDDEN = /[\u0000-\u001f<>:"\\|?*]/;
// Windows device names, as Windows reads them: in any case, with any extension, and spaces before
// it ignored ("NUL .txt" is NUL). Refused everywhere, like the characters above.
const RESERVED_WINDOWS = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/i;
/** The longest file name, in bytes of UTF-8, that ext4, APFS and NTFS all hold. */
const MAX_NAME_BYTES = 255;

/** The file for `relativeKey` (the key below the downloaded folder) inside `root`, or why there is none. */
export function localPathFor(root: string, relativeKey: string): LocalPathResult {
  const segments = relativeKey.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, reason: messages.localPathDotSegment(relativeKey) };
    }
    if (FORBIDDEN.test(segment) || RESERVED_WINDOWS.test(segment) || /[. ]$/.test(segment)) {
      return { ok: false, reason: messages.localPathUnsafeName(relativeKey) };
    }
    if (Buffer.byteLength(segment) > MAX_NAME_BYTES) {
      return { ok: false, reason: messages.localPathNameTooLong(relativeKey, MAX_NAME_BYTES) };
    }
  }
  const base = resolve(root);
  const path = resolve(join(base, ...segments));
  const inside = relative(base, path);
  // Belt and braces: whatever the checks above missed must still land inside the chosen folder.
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, reason: messages.localPathOutside(relativeKey) };
  }
  return { ok: true, path };
}

/**
 * How the disk compares names: macOS and Windows disks ignore letter case by default, and macOS
 * also the Unicode form (é as one character or as e and an accent).
 */
function nameFolding(platform: NodeJS.Platform): ((name: string) => string) | undefined {
  if (platform === 'darwin') {
    return (name) => name.normalize('NFC').toLowerCase();
  }
  return platform === 'win32' ? (name) => name.toLowerCase() : undefined;
}

export interface LocalPlan<T> {
  readonly planned: Array<T & { path: string }>;
  /** Not to be written, with why: not a safe name, or the same file (or folder) as another key. */
  readonly refused: Array<{ item: T; reason: string }>;
}

/**
 * The file of each item below `root`, decided before anything is written. Items whose keys would be
 * one file (on this platform's disk) are all refused rather than overwrite one another, as is a
 * file whose name is also the folder of other items. `describe` names an item in the reasons.
 */
export function planLocalPaths<T extends { relativePath: string }>(
  root: string,
  items: readonly T[],
  describe: (item: T) => string,
  platform: NodeJS.Platform = process.platform,
): LocalPlan<T> {
  const fold = nameFolding(platform);
  const compared = (relativePath: string) => fold?.(relativePath) ?? relativePath;
  const refused: Array<{ item: T; reason: string }> = [];
  const valid: Array<{ item: T; path: string; name: string }> = [];
  for (const item of items) {
    const local = localPathFor(root, item.relativePath);
    if (local.ok) {
      valid.push({ item, path: local.path, name: compared(item.relativePath) });
    } else {
      refused.push({ item, reason: local.reason });
    }
  }
  // Items by the name the disk compares, and each folder they need with the first item in it.
  const files = new Map<string, T[]>();
  const folders = new Map<string, T>();
  for (const { item, name } of valid) {
    files.set(name, [...(files.get(name) ?? []), item]);
    for (let end = name.indexOf('/'); end !== -1; end = name.indexOf('/', end + 1)) {
      if (!folders.has(name.slice(0, end))) {
        folders.set(name.slice(0, end), item);
      }
    }
  }
  const planned: Array<T & { path: string }> = [];
  for (const { item, path, name } of valid) {
    const same = (files.get(name) ?? []).filter((other) => other !== item);
    const folderOf = folders.get(name);
    if (same.length > 0) {
      const onlyByCase = same.some((other) => other.relativePath !== item.relativePath);
      refused.push({ item, reason: messages.localPathSameFile(same.map(describe), onlyByCase) });
    } else if (folderOf !== undefined) {
      const onlyByCase = !folderOf.relativePath.startsWith(`${item.relativePath}/`);
      refused.push({ item, reason: messages.localPathIsFolder(describe(folderOf), onlyByCase) });
    } else {
      planned.push({ ...item, path });
    }
  }
  return { planned, refused };
}
