// Entry point VS Code loads inside the extension host (the `run()` contract of @vscode/test-electron).
import { join } from 'node:path';
import { findTestFiles, runMochaFiles } from '../support/mochaSuite';

export async function run(): Promise<void> {
  const counts = await runMochaFiles(findTestFiles(join(__dirname)), process.env.R2_TEST_RESULT_FILE);
  if (counts.failed > 0) {
    throw new Error(`${counts.failed} integration test(s) failed`);
  }
}
