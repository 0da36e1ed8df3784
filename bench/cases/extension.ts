// The extension's own cost: bundle and .vsix sizes from a production package of the working tree,
// and, inside VS Code (code-server in headless Chromium), activation time, extension-host memory
// after listing a large folder, and requests per user action. Each session is a fresh code-server,
// so every activation is a cold one.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { putObject } from '../../src/r2';
import { runInCodeServer } from '../../test/support/vscodeHost/codeServerHost';
import type { LocalServer } from '../localServer';
import { REPO_ROOT as ROOT } from '../paths';
import type { BenchOptions } from '../options';
import type { SeedFolder } from '../seed';
import type { Spread } from '../summary';
import { spread } from '../summary';
import { clientFor } from '../target';
import type { SessionMode, SessionResult } from '../vscode/protocol';
import { SESSION_ENV } from '../vscode/protocol';

/** What `npm run package` needs from the working tree; node_modules is linked, not copied. */
const PACKAGE_FILES = [
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media',
  'esbuild.mjs',
  'tsconfig.json',
  'src',
];
const SESSION_TIMEOUT_MS = 10 * 60_000;

/** The production bundles: the main one VS Code loads, and those it loads on first use. */
const BUNDLES = [
  { file: 'extension.js', loaded: 'at activation' },
  { file: 'r2.js', loaded: 'on the first request to R2 (signing, listing)' },
  { file: 'sdk.js', loaded: 'on the first request other than a listing or small PUT (the AWS SDK)' },
  { file: 'mime.js', loaded: 'on the first upload or new file (MIME types)' },
  { file: 'globs.js', loaded: 'on the first sync or Find Keys (picomatch, ignore)' },
];

export interface ExtensionResult {
  bundles: Array<{ file: string; bytes: number; loaded: string }>;
  vsixBytes: number;
  /** What `extension.activate()` took, timed around the call in the extension host. */
  activationMs?: Spread;
  /** VS Code's activation time as its Running Extensions view shows it: code loading + activate(). */
  vscodeActivationMs?: Spread;
  /** The same for an extension whose activate() does nothing: what VS Code itself spends. */
  emptyActivationMs?: Spread;
  sessions: SessionResult[];
  /** The memory sessions' listing in the plain-tree extension: VS Code's share of it. */
  plainTree: SessionResult[];
}

/** A copy of the extension packaged as `npm run package` does, so the shared dist/ is left alone. */
export function packageExtension(stage: string): { dist: string; vsix: string } {
  mkdirSync(stage, { recursive: true });
  for (const file of PACKAGE_FILES) {
    cpSync(join(ROOT, file), join(stage, file), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'));
  const vsix = join(stage, 'r2-explorer.vsix');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: stage, stdio: 'inherit' });
  execFileSync(join(stage, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], {
    cwd: stage,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The suite runs from inside the extension's folder: VS Code gives it the extension's API object.
  cpSync(join(ROOT, 'bench', 'out'), join(stage, '.bench'), { recursive: true });
  return { dist: join(stage, 'dist'), vsix };
}

/** The extension's manifest with other code in its place, so VS Code treats it the same way. */
function substitute(stage: string, scratch: string, name: string, code: string): string {
  const folder = join(scratch, name);
  mkdirSync(join(folder, 'dist'), { recursive: true });
  cpSync(join(stage, 'package.json'), join(folder, 'package.json'));
  cpSync(join(stage, '.bench'), join(folder, '.bench'), { recursive: true });
  writeFileSync(join(folder, 'dist', 'extension.js'), code);
  return folder;
}

/**
 * A bundle whose activate() does nothing: VS Code's own share of an activation (creating the
 * extension's API object, its storage and context) measured the same way.
 */
function emptyExtension(stage: string, scratch: string): string {
  return substitute(stage, scratch, 'empty-extension', 'exports.activate = () => ({});\n');
}

/** bench/vscode/plainTree.ts: VS Code's own share of a view listing as many rows. */
function plainTreeExtension(stage: string, scratch: string): string {
  return substitute(
    stage,
    scratch,
    'plain-tree-extension',
    "module.exports = require('../.bench/bench/vscode/plainTree.js');\n",
  );
}

function activationTotals(sessions: readonly SessionResult[]): Spread | undefined {
  const totals = sessions.flatMap((s) =>
    s.wasInactive && s.vscodeMarks ? [s.vscodeMarks.codeLoadingMs + s.vscodeMarks.activateCallMs] : [],
  );
  return totals.length > 0 ? spread(totals) : undefined;
}

export async function runSession(
  mode: SessionMode,
  index: number,
  stage: string,
  scratch: string,
  server: LocalServer,
  env: Record<string, string>,
): Promise<SessionResult> {
  const runDir = join(scratch, `vscode-${index}`);
  const workspacePath = join(runDir, 'workspace');
  mkdirSync(workspacePath, { recursive: true });
  const resultFile = join(runDir, 'result.json');
  console.log(`  VS Code session ${index + 1} (${mode})…`);
  const exitCode = await runInCodeServer({
    extensionPath: stage,
    testsPath: join(stage, '.bench', 'bench', 'vscode', 'suite.js'),
    workspacePath,
    runDir,
    env: {
      ...env,
      [SESSION_ENV.mode]: mode,
      [SESSION_ENV.resultFile]: resultFile,
      [SESSION_ENV.endpoint]: server.endpoint,
    },
    timeoutMs: SESSION_TIMEOUT_MS,
  });
  if (!existsSync(resultFile)) {
    throw new Error(`the VS Code session (${mode}) did not report (exit code ${exitCode}); logs in ${runDir}`);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SessionResult;
  const marks = result.vscodeMarks;
  const detail = marks
    ? `; VS Code's marks: code loading ${marks.codeLoadingMs.toFixed(1)} ms + activate() ${marks.activateCallMs.toFixed(1)} ms, ${marks.totalMs.toFixed(1)} ms from load to activated`
    : '';
  console.log(
    `    activate() awaited ${result.activationMs.toFixed(1)} ms${detail}${result.wasInactive ? '' : ' (NOT a cold activation: the extension was already active)'}`,
  );
  return result;
}

/**
 * Session modes in order: clean ones for memory (as many as activations: a few MB of the extension
 * host's heap vary from one session to the next), one for requests, then activation-only ones.
 */
function plan(options: BenchOptions): SessionMode[] {
  const modes: SessionMode[] = [];
  if (options.cases.has('extension')) {
    modes.push(...Array.from({ length: options.activationRuns }, () => 'memory' as const));
  }
  if (options.cases.has('requests')) {
    modes.push('requests');
  }
  while (options.cases.has('extension') && modes.length < options.activationRuns) {
    modes.push('activation');
  }
  return modes;
}

export async function measureExtension(
  options: BenchOptions,
  server: LocalServer,
  folders: { memory: SeedFolder; economy: SeedFolder; economyObject: string },
  scratch: string,
): Promise<ExtensionResult> {
  console.log('packaging the extension (production build, vsce)…');
  const stage = join(scratch, 'extension');
  const { dist, vsix } = packageExtension(stage);
  const client = clientFor({ url: server.endpoint, credentials: server.credentials });
  await putObject(
    client,
    {
      bucket: options.bucket,
      key: folders.economyObject,
      body: 'A small text object, opened and saved by the bench.\n',
      contentType: 'text/plain',
    },
    AbortSignal.timeout(30_000),
  );
  client.destroy();
  const env = {
    [SESSION_ENV.accessKeyId]: server.credentials.accessKeyId,
    [SESSION_ENV.secretAccessKey]: server.credentials.secretAccessKey,
    [SESSION_ENV.bucket]: options.bucket,
    [SESSION_ENV.memoryFolder]: folders.memory.prefix,
    [SESSION_ENV.memoryKeys]: String(folders.memory.keys),
    [SESSION_ENV.economyFolder]: folders.economy.prefix,
    [SESSION_ENV.economyObject]: folders.economyObject,
  };
  let index = 0;
  const session = (mode: SessionMode, extension: string) => runSession(mode, index++, extension, scratch, server, env);
  const plain = options.cases.has('extension') ? plainTreeExtension(stage, scratch) : undefined;
  const sessions: SessionResult[] = [];
  const plainTree: SessionResult[] = [];
  for (const mode of plan(options)) {
    sessions.push(await session(mode, stage));
    // The plain tree right after each of ours, so both see the same load: how V8 lays out VS Code's
    // strings and tree items follows when its collections run, and with the plain tree run after all
    // of ours its heap after the listing moved by 2 MB between two runs of the same code.
    if (mode === 'memory' && plain) {
      plainTree.push(await session('plainTree', plain));
    }
  }
  const emptySessions: SessionResult[] = [];
  if (options.cases.has('extension')) {
    console.log("the same manifest with an empty activate(), for VS Code's own share:");
    const empty = emptyExtension(stage, scratch);
    for (let run = 0; run < options.activationRuns; run++) {
      emptySessions.push(await session('activation', empty));
    }
  }
  const cold = sessions.filter((s) => s.wasInactive);
  return {
    bundles: BUNDLES.map(({ file, loaded }) => ({
      file: `dist/${file}`,
      bytes: statSync(join(dist, file)).size,
      loaded,
    })),
    vsixBytes: statSync(vsix).size,
    activationMs:
      options.cases.has('extension') && cold.length > 0 ? spread(cold.map((s) => s.activationMs)) : undefined,
    vscodeActivationMs: options.cases.has('extension') ? activationTotals(sessions) : undefined,
    emptyActivationMs: activationTotals(emptySessions),
    sessions,
    plainTree,
  };
}
