import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { SuiteRun } from './suiteRun';

/** Runs the suite in VS Code desktop: the given executable, or one @vscode/test-electron downloads. */
export async function runInElectron(run: SuiteRun, vscodeExecutablePath: string | undefined): Promise<number> {
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: run.extensionPath,
      extensionTestsPath: run.testsPath,
      extensionTestsEnv: run.env,
      launchArgs: [
        run.workspacePath,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        join(run.runDir, 'user-data'),
        '--extensions-dir',
        join(run.runDir, 'extensions'),
      ],
    });
    return 0;
  } catch (error) {
    console.error(`[test host] ${String(error)}`);
    return 1;
  }
}
