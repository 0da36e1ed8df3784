// `npm run first-run`: what a newcomer does on a machine that has never run the project, checked
// end to end. `npm start` (a real npm script, so its environment is the one a person's terminal
// gives) installs the test hosts into an empty cache, the sandbox's URL answers, and Ctrl-C leaves
// nothing running. CI runs it with a new empty R2_TEST_CACHE every time, so a warm machine cannot
// hide a broken first run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroup } from '../support/processGroup';
import { cacheDir } from '../support/vscodeHost/install';
import { parseBanner } from './banner';

const READY_TIMEOUT_MS = 20 * 60 * 1000;
const STOP_TIMEOUT_MS = 60 * 1000;

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(0)} s`;
}

/** Processes whose command line names `path` (code-server runs with --user-data-dir under it). */
function processesUsing(path: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .flatMap((pid) => {
      try {
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        return commandLine.includes(path) ? [`${pid}: ${commandLine.slice(0, 200)}`] : [];
      } catch {
        return []; // it ended while we looked
      }
    });
}

async function main(): Promise<void> {
  const cache = cacheDir();
  if (existsSync(cache) && readdirSync(cache).length > 0) {
    throw new Error(`${cache} is not empty: run with R2_TEST_CACHE=$(mktemp -d) to check a first run`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'r2-first-run-'));
  const started = Date.now();
  console.log(`[first run] npm start with an empty test-host cache (${cache})…`);
  // Its own process group, so that the Ctrl-C below reaches npm and its children as a terminal's does.
  const child = spawn('npm', ['start', '--', '--port', '0', '--data', dataDir], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  try {
    const banner = await new Promise<ReturnType<typeof parseBanner>>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), READY_TIMEOUT_MS).unref();
      child.stdout.on('data', () => {
        const parsed = parseBanner(output);
        if (parsed) {
          clearTimeout(timer);
          resolve(parsed);
        }
      });
      void exited.then(() => resolve(undefined));
    });
    if (!banner) {
      throw new Error(`npm start did not reach "sandbox is ready" (${seconds(started)})`);
    }
    const readyIn = seconds(started);
    const response = await fetch(banner.url);
    if (response.status !== 200) {
      throw new Error(`${banner.url} answered ${response.status}`);
    }
    const stopping = Date.now();
    killGroup(child.pid!, 'SIGINT');
    // unref: a pending timer would keep this process alive after the check.
    const ended = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref()),
    ]);
    if (ended === 'timeout') {
      throw new Error(`npm start did not stop within ${STOP_TIMEOUT_MS / 1000} s of Ctrl-C`);
    }
    const left = processesUsing(dataDir);
    if (left.length > 0) {
      throw new Error(`still running after Ctrl-C:\n${left.join('\n')}`);
    }
    const refused = await fetch(banner.url).then(
      () => false,
      () => true,
    );
    if (!refused) {
      throw new Error(`${banner.url} still answers after Ctrl-C`);
    }
    console.log(
      `[first run] ready in ${readyIn} on an empty cache; ${banner.url} answered 200; Ctrl-C stopped everything in ${seconds(stopping)} (npm ended by ${ended})`,
    );
  } finally {
    killGroup(child.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[first run] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
