// The shipped build in a hostile environment: R2 Explorer's .vsix installed into code-server as a
// user installs it (production mode, not a test host), beside another extension that tries to reach
// its secret (test/e2e/fixtures/neighbour), and with R2_SANDBOX_ACCOUNT planted in the environment.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SANDBOX_ACCOUNT_VARIABLE } from '../../src/accounts/sandboxAccount';
import { runInGroup } from '../support/processGroup';
import { launchBrowser } from '../support/vscodeHost/browser';
import type { HeadlessBrowser } from '../support/vscodeHost/browser';
import { installExtension, QUIET_SETTINGS, startCodeServer, writeUserSettings } from '../support/vscodeHost/codeServer';
import type { CodeServer } from '../support/vscodeHost/codeServer';
import { eventually } from './support/eventually';
import { Workbench } from './support/workbench';

const ROOT = resolve(__dirname, '..', '..', '..');
const NEIGHBOUR = join(ROOT, 'test', 'e2e', 'fixtures', 'neighbour');
const SECRET = 'e2e-neighbour-secret-0123456789abcdef0123456789abcdef';

interface NeighbourReport {
  exportsType?: string;
  exportKeys?: string[];
  objectsReached?: number;
  secretFunctions?: string[];
  reachedSecret?: boolean;
  error?: string;
}

function plantedAccount(name: string, endpoint: string): string {
  return JSON.stringify({
    id: 'planted',
    name,
    jurisdiction: 'default',
    endpoint,
    forcePathStyle: true,
    accessKeyId: 'planted-key',
    secretAccessKey: SECRET,
  });
}

describe('the shipped extension in a hostile environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'r2-hostile-'));
  const dirs = { userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions') };
  const workspace = join(dir, 'workspace');
  let headless: HeadlessBrowser;

  let visits = 0;

  /**
   * code-server with this environment, a first visit to its workbench (a new browser profile),
   * then both stopped. The neighbour's report says R2 Explorer's activate() has finished.
   */
  async function visit(
    env: Record<string, string>,
    look: (workbench: Workbench) => Promise<void>,
  ): Promise<NeighbourReport> {
    const reportFile = join(dir, `neighbour-${++visits}.json`);
    const server: CodeServer = await startCodeServer({
      ...dirs,
      port: 0,
      logFile: join(dir, 'code-server.log'),
      env: { ...env, R2_NEIGHBOUR_REPORT: reportFile, R2_NEIGHBOUR_SECRET: SECRET },
    });
    let workbench: Workbench | undefined;
    try {
      workbench = await Workbench.open(headless.browser, server.url(workspace));
      let report: NeighbourReport = {};
      await eventually(async () => {
        report = JSON.parse(readFileSync(reportFile, 'utf8')) as NeighbourReport;
      }, 60_000);
      await workbench.showView('R2 Explorer');
      await look(workbench);
      return report;
    } finally {
      await workbench?.close().catch(() => undefined);
      await server.stop();
    }
  }

  before(async function () {
    // Packages the extension as a release is, and the neighbour; may install code-server first.
    this.timeout(10 * 60_000);
    mkdirSync(workspace, { recursive: true });
    const vsix = join(dir, 'r2-explorer.vsix');
    await runInGroup('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT });
    const neighbourVsix = join(dir, 'neighbour.vsix');
    await runInGroup(
      join(ROOT, 'node_modules', '.bin', 'vsce'),
      ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', neighbourVsix],
      { cwd: NEIGHBOUR },
    );
    await installExtension(vsix, dirs);
    await installExtension(neighbourVsix, dirs);
    writeUserSettings(dirs.userDataDir, QUIET_SETTINGS);
    headless = await launchBrowser();
  });

  after(async () => {
    await headless?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives another extension nothing through its exports: no object, no secret', async function () {
    this.timeout(3 * 60_000);
    // A sandbox account on this machine, so that a secret is stored for the neighbour to look for.
    const report = await visit(
      { [SANDBOX_ACCOUNT_VARIABLE]: plantedAccount('Local', 'http://127.0.0.1:9') },
      (workbench) => workbench.row('Local').waitFor(),
    );
    assert.equal(report.error, undefined);
    assert.equal(report.reachedSecret, false, `the neighbour reached the secret: ${JSON.stringify(report)}`);
    assert.deepEqual({ type: report.exportsType, keys: report.exportKeys }, { type: 'undefined', keys: [] });
  });

  it('marks the account R2_SANDBOX_ACCOUNT configures as the sandbox’s', async function () {
    this.timeout(3 * 60_000);
    await visit({ [SANDBOX_ACCOUNT_VARIABLE]: plantedAccount('Local', 'http://127.0.0.1:9') }, async (workbench) => {
      await workbench
        .row('Local')
        .locator('.label-description', { hasText: /sandbox/ })
        .waitFor();
    });
  });

  it('ignores R2_SANDBOX_ACCOUNT when its endpoint is another machine', async function () {
    this.timeout(3 * 60_000);
    await visit(
      { [SANDBOX_ACCOUNT_VARIABLE]: plantedAccount('Planted', 'https://r2.attacker.example') },
      async (workbench) => {
        // Each visit is a new browser profile, where code-server keeps accounts: none from the visits before.
        await workbench.page.getByRole('button', { name: 'Add R2 Account' }).waitFor();
        assert.equal(await workbench.row('Planted').count(), 0);
      },
    );
  });
});
