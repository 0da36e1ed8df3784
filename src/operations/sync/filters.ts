// What a sync leaves out: the exclusion globs (picomatch) and, when asked, the local folder's
// .gitignore files (ignore: git's own rules, negations and directory patterns included).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ignore } from '../globs';
import { ignore, picomatch } from '../globs';

/** `dot`: a glob such as `**\/*.map` must reach `.well-known/x.map` too, as users mean it. */
const GLOB_OPTIONS = { dot: true };

export class SyncFilter {
  private readonly excluded: (path: string) => boolean;
  /** One matcher per folder with a .gitignore, by its path below the root ('' for the root). */
  private readonly gitignores = new Map<string, Ignore>();

  constructor(exclude: readonly string[]) {
    this.excluded = exclude.length === 0 ? () => false : picomatch([...exclude], GLOB_OPTIONS);
  }

  /** Reads `folder`'s .gitignore, if it has one; its rules apply below `relativeFolder`. */
  async readGitignore(root: string, relativeFolder: string): Promise<void> {
    const text = await readFile(join(root, relativeFolder, '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      this.gitignores.set(relativeFolder, ignore().add(text));
    }
  }

  /** Whether `relativePath` (a file, or a folder when `folder`) is left out. */
  excludes(relativePath: string, folder = false): boolean {
    if (this.excluded(relativePath) || (folder && this.excluded(`${relativePath}/`))) {
      return true;
    }
    // As git reads them: a deeper .gitignore overrides a shallower one, a negation re-includes.
    let ignored = false;
    for (const [base, rules] of this.gitignores) {
      if (base !== '' && !relativePath.startsWith(`${base}/`)) {
        continue;
      }
      const below = base === '' ? relativePath : relativePath.slice(base.length + 1);
      const verdict = rules.test(folder ? `${below}/` : below);
      if (verdict.ignored) {
        ignored = true;
      } else if (verdict.unignored) {
        ignored = false;
      }
    }
    return ignored;
  }
}

/** The Cache-Control for a path: the value of the first glob that matches it. */
export function cacheControlFor(
  relativePath: string,
  rules: Readonly<Record<string, string>> | undefined,
): string | undefined {
  for (const [glob, value] of Object.entries(rules ?? {})) {
    if (picomatch.isMatch(relativePath, glob, GLOB_OPTIONS)) {
      return value;
    }
  }
  return undefined;
}
