// Entry point VS Code loads inside the extension host (the `run()` contract of @vscode/test-electron).
import { join } from 'node:path';
import type { Context } from 'mocha';
import { findTestFiles, runMochaFiles } from '../support/mochaSuite';
import { screenshot } from './support/workbench';

export async function run(): Promise<void> {
  const counts = await runMochaFiles(findTestFiles(join(__dirname)), process.env.R2_TEST_RESULT_FILE, {
    // A failed test keeps a picture of the workbench as it was.
    async afterEach(this: Context) {
      const test = this.currentTest;
      if (test?.state === 'failed') {
        await screenshot(`failed-${test.fullTitle()}`);
      }
    },
  });
  if (counts.failed > 0) {
    throw new Error(`${counts.failed} integration test(s) failed`);
  }
}
