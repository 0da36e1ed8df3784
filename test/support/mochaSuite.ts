import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** What one tier ran; the top-level runner adds the tiers up for the closing line. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Every compiled `*.test.js` under `dir`, sorted so runs are repeatable. */
export function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(dir, file));
}

/** Runs the files with mocha's spec reporter and reports the counts (and, when asked, writes them as JSON). */
export function runMochaFiles(files: string[], resultFile?: string, rootHooks?: Mocha.RootHookObject): Promise<Counts> {
  // Colour codes would reach the runner's log as noise when the suite runs inside VS Code.
  // R2_TEST_GREP runs only the tests whose title matches (while developing).
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60000,
    rootHooks,
    grep: process.env.R2_TEST_GREP,
  });
  files.forEach((file) => mocha.addFile(file));
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      const counts = { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 };
      if (resultFile) {
        writeFileSync(resultFile, JSON.stringify(counts));
      }
      resolve(counts);
    });
  });
}
