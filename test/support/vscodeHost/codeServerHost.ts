import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { ensureChromium, ensureCodeServer, ensureNode24 } from './install';
import type { SuiteRun } from './suiteRun';

// Keeps the workbench quiet and offline so nothing but the suite happens in the page.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
};

// Workbench start-up chatter that says nothing about the suite.
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AccountPolicyGate\]|\[AgentHost)/;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
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
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is empty
  }
}

/**
 * A loopback endpoint the suite calls to see the workbench as a user does: the extension host
 * cannot read the DOM, so the runner answers with the page it drives.
 */
function startUiProbe(page: Page, screenshotDir: string): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      void answerProbe(page, screenshotDir, request.url ?? '', body).then(
        (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  return once(server, 'listening').then(() => server);
}

async function answerProbe(page: Page, screenshotDir: string, url: string, body: string): Promise<unknown> {
  const request = JSON.parse(body || '{}') as { text?: string; selector?: string; name?: string; timeoutMs?: number };
  if (url === '/visible') {
    const locator = request.selector ? page.locator(request.selector) : page.getByText(request.text ?? '', { exact: false });
    try {
      await locator.first().waitFor({ state: 'visible', timeout: request.timeoutMs ?? 10000 });
      return { visible: true };
    } catch {
      return { visible: false };
    }
  }
  if (url === '/click') {
    await page.locator(request.selector ?? '').first().click({ timeout: request.timeoutMs ?? 10000 });
    return { clicked: true };
  }
  if (url === '/screenshot') {
    const path = join(screenshotDir, `${(request.name ?? 'screenshot').replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path });
    return { path };
  }
  throw new Error(`unknown probe request ${url}`);
}

/** Runs the suite in code-server (a real VS Code) inside headless Chromium; resolves to the exit code. */
export async function runInCodeServer(run: SuiteRun): Promise<number> {
  const node24 = ensureNode24();
  const entry = ensureCodeServer(node24);
  const executablePath = ensureChromium();

  const userData = join(run.runDir, 'user-data');
  const screenshots = join(run.runDir, 'screenshots');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));

  let codeServer: ChildProcess | undefined;
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let probe: Server | undefined;
  try {
    browserServer = await chromium.launchServer({
      executablePath,
      headless: true,
      chromiumSandbox: false,
      // Our own cleanup stops the browser; Playwright's handlers would orphan code-server on Ctrl-C.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'],
    });
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    probe = await startUiProbe(page, screenshots);

    const port = await freePort();
    const origin = `127.0.0.1:${port}`;
    codeServer = spawn(node24.node, [entry, '--auth', 'none', '--bind-addr', origin,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      // Without the smoke-test driver the workbench ignores the test payload and nothing runs.
      '--vscode-option', 'enable-smoke-test-driver',
      '--user-data-dir', userData, '--extensions-dir', join(run.runDir, 'extensions'),
      // `info` or more: the workbench copies this level, and below it mocha's output is dropped.
      '--log', 'info'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ...run.env,
        EXTENSIONS_GALLERY: '{}',
        R2_TEST_UI_PROBE: `http://127.0.0.1:${(probe.address() as AddressInfo).port}`,
      },
    });
    let serverErrors = '';
    codeServer.stderr?.on('data', (chunk: Buffer) => (serverErrors = (serverErrors + chunk.toString()).slice(-4000)));
    await waitForHealth(port, codeServer, 60000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${serverErrors}`);
    });

    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The extension host forwards console calls unformatted: arguments still hold `%s` templates.
      const line = format(...args);
      if (NOISE.test(line)) {
        return;
      }
      (type === 'error' ? console.error : console.log)(line);
    });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${origin}${run.extensionPath}`],
      ['extensionTestsPath', `vscode-remote://${origin}${run.testsPath}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`http://${origin}/?folder=${encodeURIComponent(run.workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        const path = join(screenshots, 'timeout.png');
        console.error(`[test host] the suite did not finish within ${run.timeoutMs} ms; screenshot: ${path}`);
        void page.screenshot({ path }).finally(() => resolve(1));
      }, run.timeoutMs);
    });
    const code = await Promise.race([exitCode, timedOut]);
    clearTimeout(timer);
    return code;
  } finally {
    probe?.close();
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    if (codeServer) {
      await stopProcessGroup(codeServer);
    }
  }
}
