// Where a downloaded key may be written. Keys are not paths: `../evil`, `/etc/passwd`, `a//b` or a
// NUL are all legal keys, and none may write outside the folder the user chose.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type LocalPathResult = { ok: true; path: string } | { ok: false; reason: string };

// Characters no file name may hold here, or on Windows (so a download folder stays portable).
const FORBIDDEN = /[\u0000-\u001f<>:"\\|?*]/;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** The file for `relativeKey` (the key below the downloaded folder) inside `root`, or why there is none. */
export function localPathFor(root: string, relativeKey: string): LocalPathResult {
  const segments = relativeKey.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      return { ok: false, reason: `"${relativeKey}" has an empty, "." or ".." path segment` };
    }
    if (FORBIDDEN.test(segment) || RESERVED_WINDOWS.test(segment) || /[. ]$/.test(segment)) {
      return { ok: false, reason: `"${relativeKey}" is not a safe file name` };
    }
  }
  const base = resolve(root);
  const path = resolve(join(base, ...segments));
  const inside = relative(base, path);
  // Belt and braces: whatever the checks above missed must still land inside the chosen folder.
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, reason: `"${relativeKey}" would be written outside the chosen folder` };
  }
  return { ok: true, path };
}
