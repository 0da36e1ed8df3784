// `npm test`: every tier, one closing line `N passed, N failed` summed over all of them, and a
// non-zero exit on any failure. Tiers: unit (plain Node, local R2 server), conformance against
// Ceph RGW (when radosgw is installed; required in CI), integration inside a real VS Code, and e2e
// (the sandbox driven through the browser).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Counts } from './support/mochaSuite';
import { startR2Server } from './support/r2server';
import { chooseHost } from './support/vscodeHost/chooseHost';
import { runInCodeServer } from './support/vscodeHost/codeServerHost';
import { runInElectron } from './support/vscodeHost/electronHost';
import { MissingToolError } from './support/vscodeHost/install';

const root = resolve(__dirname, '..', '..');
const out = join(root, 'out', 'test');

const NO_COUNTS: Counts = { passed: 0, failed: 0, skipped: 0 };

interface TierResult {
  name: string;
  counts: Counts;
  /** Set when the tier could not run at all: counted as one failure. */
  error?: string;
}

function readCounts(file: string): Counts | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Counts) : undefined;
}

function runNodeTier(name: string, dirs: string[], env: NodeJS.ProcessEnv, runDir: string): TierResult {
  const resultFile = join(runDir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const child = spawnSync(process.execPath, [join(out, 'support', 'mochaTier.js'), resultFile, ...dirs], {
    stdio: 'inherit',
    env,
  });
  const counts = readCounts(resultFile);
  return counts ? { name, counts } : { name, counts: NO_COUNTS, error: `exited with ${child.status} before reporting` };
}

const RADOSGW = '/usr/bin/radosgw';

/**
 * The src/r2 conformance suite against Ceph RGW, a real S3 implementation, so the local server
 * cannot drift from one. Required in CI; elsewhere it runs when radosgw is installed.
 */
function runRgwTier(runDir: string): TierResult | undefined {
  const name = 'conformance (Ceph RGW)';
  const install = 'apt-get install radosgw ceph-mon ceph-osd ceph-common';
  if (!existsSync(RADOSGW)) {
    if (process.env.CI) {
      return { name, counts: NO_COUNTS, error: `radosgw is not installed (${install})` };
    }
    console.log(`\n=== ${name}: not run, radosgw is not installed (${install}) ===`);
    return undefined;
  }
  const script = join(root, 'test', 'support', 'rgw.sh');
  const dir = join(runDir, 'rgw');
  console.log(`\n=== ${name} ===`);
  const started = spawnSync('bash', [script, 'start', dir], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  try {
    if (started.status !== 0) {
      return { name, counts: NO_COUNTS, error: `rgw.sh start failed (exit ${started.status}); logs in ${dir}` };
    }
    const env = Object.fromEntries(
      [...started.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map(([, key, value]) => [key, value]),
    );
    return runNodeTier(name, [join(out, 'unit', 'r2')], { ...process.env, ...env }, runDir);
  } finally {
    spawnSync('bash', [script, 'stop', dir], { stdio: 'inherit' });
  }
}

async function runIntegrationTier(runDir: string): Promise<TierResult> {
  const name = 'integration (VS Code)';
  console.log(`\n=== ${name} ===`);
  const resultFile = join(runDir, 'integration.json');
  const workspacePath = join(runDir, 'workspace');
  mkdirSync(workspacePath, { recursive: true });
  // The local R2 server behind the suite: an admin key, and a key scoped to one bucket like R2's
  // object-level tokens. The suite reaches its control endpoints for counts and faults.
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const admin = { accessKeyId: hex(16), secretAccessKey: hex(32) };
  const scoped = { accessKeyId: hex(16), secretAccessKey: hex(32), buckets: ['scoped-bucket'] };
  // A second admin key the reliability tests revoke while the extension uses it.
  const revocable = { accessKeyId: hex(16), secretAccessKey: hex(32) };
  // A key that reads but may not write, as R2's read-only tokens.
  const readOnly = { accessKeyId: hex(16), secretAccessKey: hex(32), readOnly: true };
  const server = await startR2Server({ credentials: [admin, scoped, revocable, readOnly] });
  const run = {
    extensionPath: root,
    testsPath: join(out, 'integration', 'index.js'),
    workspacePath,
    runDir: join(runDir, 'vscode'),
    env: {
      R2_TEST_RESULT_FILE: resultFile,
      R2_TEST_ENDPOINT: server.endpoint,
      R2_TEST_ACCESS_KEY_ID: admin.accessKeyId,
      R2_TEST_SECRET_ACCESS_KEY: admin.secretAccessKey,
      R2_TEST_SCOPED_ACCESS_KEY_ID: scoped.accessKeyId,
      R2_TEST_SCOPED_SECRET_ACCESS_KEY: scoped.secretAccessKey,
      R2_TEST_SCOPED_BUCKET: scoped.buckets[0],
      R2_TEST_REVOCABLE_ACCESS_KEY_ID: revocable.accessKeyId,
      R2_TEST_REVOCABLE_SECRET_ACCESS_KEY: revocable.secretAccessKey,
      R2_TEST_READONLY_ACCESS_KEY_ID: readOnly.accessKeyId,
      R2_TEST_READONLY_SECRET_ACCESS_KEY: readOnly.secretAccessKey,
      R2_TEST_RUN_DIR: join(runDir, 'vscode'),
    },
    timeoutMs: Number(process.env.R2_TEST_TIMEOUT_MS ?? 20 * 60 * 1000),
  };
  try {
    const host = await chooseHost();
    console.log(
      `[test host] ${host.kind === 'electron' ? `VS Code desktop${host.executable ? ` (${host.executable})` : ''}` : 'code-server in headless Chromium'}`,
    );
    const exitCode = host.kind === 'electron' ? await runInElectron(run, host.executable) : await runInCodeServer(run);
    const counts = readCounts(resultFile);
    if (!counts) {
      return { name, counts: NO_COUNTS, error: `the suite did not report (exit code ${exitCode})` };
    }
    return { name, counts };
  } catch (error) {
    const reason =
      error instanceof MissingToolError ? error.message : String(error instanceof Error ? error.stack : error);
    return { name, counts: NO_COUNTS, error: reason };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'r2-explorer-test-'));
  // R2_TEST_TIERS=unit,rgw,integration,e2e runs some tiers only (while developing); all by default.
  const wanted = (tier: string) => !process.env.R2_TEST_TIERS || process.env.R2_TEST_TIERS.split(',').includes(tier);
  const tiers: TierResult[] = [];
  if (wanted('unit')) {
    tiers.push(runNodeTier('unit', [join(out, 'unit')], process.env, runDir));
  }
  if (wanted('rgw')) {
    const rgw = runRgwTier(runDir);
    if (rgw) {
      tiers.push(rgw);
    }
  }
  if (wanted('integration')) {
    tiers.push(await runIntegrationTier(runDir));
  }
  if (wanted('e2e')) {
    // `npm start`'s sandbox, clicked in headless Chromium (test/e2e/); screenshots in the run folder.
    tiers.push(
      runNodeTier(
        'e2e (sandbox in a browser)',
        [join(out, 'e2e')],
        { ...process.env, R2_E2E_RUN_DIR: join(runDir, 'e2e') },
        runDir,
      ),
    );
  }

  console.log('');
  for (const tier of tiers) {
    const { passed, failed, skipped } = tier.counts;
    console.log(
      `${tier.name}: ${passed} passed, ${failed} failed, ${skipped} skipped${tier.error ? ` — did not complete: ${tier.error}` : ''}`,
    );
  }
  const sum = (key: keyof Counts) => tiers.reduce((total, tier) => total + tier.counts[key], 0);
  const failed = sum('failed') + tiers.filter((tier) => tier.error).length;
  const skipped = sum('skipped');
  console.log(`${sum('passed')} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed === 0) {
    rmSync(runDir, { recursive: true, force: true });
  } else {
    console.log(`(run folder kept for inspection: ${runDir})`);
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
