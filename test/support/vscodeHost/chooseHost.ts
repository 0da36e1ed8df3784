export type Host = { kind: 'electron'; executable?: string } | { kind: 'code-server' };

const VSCODE_RELEASES = 'https://update.code.visualstudio.com/api/releases/stable';

/** True when VS Code's download server answers quickly; machines without internet fail fast here. */
async function canDownloadVsCode(): Promise<boolean> {
  try {
    const response = await fetch(VSCODE_RELEASES, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * VS Code desktop where one can be used (a path in VSCODE_EXECUTABLE, or a machine that can download
 * it); otherwise code-server in headless Chromium. R2_TEST_HOST forces either.
 */
export async function chooseHost(env: NodeJS.ProcessEnv = process.env): Promise<Host> {
  const forced = env.R2_TEST_HOST;
  if (forced === 'code-server') {
    return { kind: 'code-server' };
  }
  if (env.VSCODE_EXECUTABLE) {
    return { kind: 'electron', executable: env.VSCODE_EXECUTABLE };
  }
  if (forced === 'electron' || (forced === undefined && (await canDownloadVsCode()))) {
    return { kind: 'electron' };
  }
  return { kind: 'code-server' };
}
