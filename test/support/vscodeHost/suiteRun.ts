/** What a host needs to run the integration suite inside VS Code. */
export interface SuiteRun {
  /** Folder of the extension under test (its package.json). */
  readonly extensionPath: string;
  /** Compiled module exporting `run()`, the contract @vscode/test-electron defines. */
  readonly testsPath: string;
  /** Folder, or `.code-workspace` file, opened as the workspace. */
  readonly workspacePath: string;
  /** Scratch folder for this run (user data, logs, screenshots). */
  readonly runDir: string;
  /** Extra environment for the extension host (the suite reads its settings from it). */
  readonly env: Record<string, string>;
  /** The whole run is abandoned (with a screenshot where possible) after this long. */
  readonly timeoutMs: number;
}
