// code-server (a real VS Code in the browser) as a child process: shared by the test host, which
// runs suites inside it, and the sandbox (`npm start`), which serves it to a person.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from '../freePort';
import { killGroup, runInGroup } from '../processGroup';
import { ensureCodeServer, ensureNode24 } from './install';

// Keeps the workbench quiet and offline: nothing but R2 Explorer asks for attention.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServerDirs {
  /** Settings and logs (`--user-data-dir`); in the browser workbench, state lives in the page. */
  readonly userDataDir: string;
  /** Installed extensions (`--extensions-dir`). */
  readonly extensionsDir: string;
}

export interface CodeServerOptions extends CodeServerDirs {
  /** 0 picks a free port. */
  readonly port: number;
  /** Where code-server writes its output; its end is quoted when the server fails to start. */
  readonly logFile: string;
  /** Environment of the server, and so of the extension host. */
  readonly env: Record<string, string>;
  /** More command-line arguments (the test host adds its smoke-test driver). */
  readonly args?: readonly string[];
}

export interface CodeServer {
  /** `127.0.0.1:<port>`: the one host name used everywhere, so `vscode-remote://` URIs match the page. */
  readonly origin: string;
  /** The workbench with `folder` open. */
  /** The page that opens this folder, or this `.code-workspace` file. */
  url(path: string): string;
  /** Stops code-server and every process it started. */
  stop(): Promise<void>;
}

/** Writes `settings` as the user's settings.json; with `keep`, a file the user already has stays. */
export function writeUserSettings(userDataDir: string, settings: object, keep = false): void {
  const file = join(userDataDir, 'User', 'settings.json');
  if (keep && existsSync(file)) {
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Installs (or replaces) a .vsix as a user would: `code-server --install-extension`. */
export async function installExtension(vsix: string, dirs: CodeServerDirs, signal?: AbortSignal): Promise<void> {
  const node24 = ensureNode24();
  await runInGroup(
    node24.node,
    [
      ensureCodeServer(node24),
      '--install-extension',
      vsix,
      '--force',
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
    ],
    { signal },
  );
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
}

/** Stops code-server and every child it started (extension host, pty host, watchers). */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return;
  }
  const pid = child.pid;
  const exited = once(child, 'exit');
  killGroup(pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  killGroup(pid, 'SIGKILL');
}

function tail(file: string, chars = 4000): string {
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-chars) : '';
}

/**
 * Starts code-server on 127.0.0.1 with the cached Node 24, in its own process group (the server
 * has extension-host, pty-host and watcher children) so that stopping it leaves nothing behind.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const node24 = ensureNode24();
  const entry = ensureCodeServer(node24);
  const port = await freePort(options.port);
  const origin = `127.0.0.1:${port}`;
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    node24.node,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      origin,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      options.userDataDir,
      '--extensions-dir',
      options.extensionsDir,
      ...(options.args ?? []),
    ],
    {
      detached: true,
      stdio: ['ignore', log, log],
      // Without an empty gallery, offline look-ups of the marketplace flood the log.
      env: { ...process.env, ...options.env, EXTENSIONS_GALLERY: '{}' },
    },
  );
  closeSync(log);
  // A crash of this process must not orphan the server: `exit` handlers run synchronously, as kill does.
  const killOnExit = () => killGroup(child.pid!, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcessGroup(child);
  };
  try {
    await waitForHealth(port, child, 60000);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${tail(options.logFile)}`, { cause: error });
  }
  return {
    origin,
    url: (path) =>
      `http://${origin}/?${path.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(path)}`,
    stop,
  };
}
