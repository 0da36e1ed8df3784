import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { HeadlessBrowser } from './browser';
import { QUIET_SETTINGS, startCodeServer, writeUserSettings } from './codeServer';
import type { CodeServer } from './codeServer';
import type { SuiteRun } from './suiteRun';

// Workbench start-up chatter that says nothing about the suite.
const NOISE =
  /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[AccountPolicyGate\]|\[AgentHost)/;

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

/** The frame of the webview whose page has an element matching `selector` (webviews are nested iframes). */
async function webviewFrame(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (
        frame !== page.mainFrame() &&
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      ) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no webview shows ${selector}`);
    }
    await page.waitForTimeout(100);
  }
}

/** What a paste into a webview delivers: a PNG (base64) or text, through the clipboard or a synthetic event. */
interface WebviewPaste {
  readonly selector: string;
  readonly via: 'clipboard' | 'event';
  /** Base64 of an image of `type`, or text. */
  readonly image?: { readonly base64: string; readonly type: string; readonly name: string };
  readonly text?: string;
  /** An element whose text says how the paste went, read after it. */
  readonly status: string;
  readonly timeoutMs?: number;
}

// What the paste scripts use of the page (this project compiles without DOM types; Blob, File and
// atob are Node's as well as the browser's).
interface PageGlobals {
  readonly navigator: { readonly clipboard: { write(items: readonly unknown[]): Promise<void> } };
  readonly ClipboardItem: new (items: Record<string, Blob>) => unknown;
  readonly DataTransfer: new () => {
    readonly items: { add(file: File): void };
    setData(type: string, text: string): void;
  };
  readonly ClipboardEvent: new (type: string, init: object) => unknown;
  readonly document: {
    dispatchEvent(event: unknown): boolean;
    querySelector(selector: string): { textContent: string | null } | null;
  };
}

/**
 * Pastes into a webview as a user does: the browser's clipboard written (image/png or text), the
 * webview clicked and Ctrl+V pressed; or, for types the async clipboard cannot write (JPEG), a paste
 * event carrying the file dispatched in the webview. Answers the status element's text once it changes
 * (null: the webview closed).
 */
async function pasteIntoWebview(page: Page, request: WebviewPaste): Promise<{ status: string | null }> {
  const timeout = request.timeoutMs ?? 10000;
  const frame = await webviewFrame(page, request.selector, timeout);
  // Its script (at the end of the page) listens once the document is parsed.
  await frame.waitForLoadState('domcontentloaded');
  const before = await frame.locator(request.status).textContent();
  try {
    if (request.via === 'clipboard') {
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await page.evaluate(async ({ image, text }) => {
        const { navigator, ClipboardItem } = globalThis as unknown as PageGlobals;
        const item = image
          ? {
              [image.type]: new Blob([Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0))], {
                type: image.type,
              }),
            }
          : { 'text/plain': new Blob([text ?? ''], { type: 'text/plain' }) };
        await navigator.clipboard.write([new ClipboardItem(item)]);
      }, request);
      await frame.locator(request.selector).click({ timeout });
      await page.keyboard.press('Control+V');
    } else {
      await frame.evaluate(({ image, text }) => {
        const { DataTransfer, ClipboardEvent, document } = globalThis as unknown as PageGlobals;
        const data = new DataTransfer();
        if (image) {
          const bytes = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
          data.items.add(new File([bytes], image.name, { type: image.type }));
        } else {
          data.setData('text/plain', text ?? '');
        }
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, request);
    }
    const changed = await frame.waitForFunction(
      ({ selector, before }) => {
        const text = (globalThis as unknown as PageGlobals).document.querySelector(selector)?.textContent ?? '';
        return text !== before && { text };
      },
      { selector: request.status, before },
      { timeout },
    );
    return { status: ((await changed.jsonValue()) as { text: string }).text };
  } catch (error) {
    // The page took what it needed and closed (an image pasted into the image pad).
    if (frame.isDetached()) {
      return { status: null };
    }
    throw error;
  }
}

async function answerProbe(page: Page, screenshotDir: string, url: string, body: string): Promise<unknown> {
  if (url === '/pasteIntoWebview') {
    return pasteIntoWebview(page, JSON.parse(body) as WebviewPaste);
  }
  if (url === '/press') {
    await page.keyboard.press((JSON.parse(body) as { key: string }).key);
    return { pressed: true };
  }
  const request = JSON.parse(body || '{}') as { text?: string; selector?: string; name?: string; timeoutMs?: number };
  if (url === '/visible') {
    const locator = request.selector
      ? page.locator(request.selector)
      : page.getByText(request.text ?? '', { exact: false });
    try {
      await locator.first().waitFor({ state: 'visible', timeout: request.timeoutMs ?? 10000 });
      return { visible: true };
    } catch {
      return { visible: false };
    }
  }
  if (url === '/click') {
    await page
      .locator(request.selector ?? '')
      .first()
      .click({ timeout: request.timeoutMs ?? 10000 });
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
  const userDataDir = join(run.runDir, 'user-data');
  const screenshots = join(run.runDir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  writeUserSettings(userDataDir, QUIET_SETTINGS);

  let codeServer: CodeServer | undefined;
  let headless: HeadlessBrowser | undefined;
  let probe: Server | undefined;
  try {
    headless = await launchBrowser();
    const page = await headless.browser.newPage({ viewport: { width: 1280, height: 800 } });
    probe = await startUiProbe(page, screenshots);
    codeServer = await startCodeServer({
      port: 0,
      userDataDir,
      extensionsDir: join(run.runDir, 'extensions'),
      logFile: join(run.runDir, 'code-server.log'),
      env: { ...run.env, R2_TEST_UI_PROBE: `http://127.0.0.1:${(probe.address() as AddressInfo).port}` },
      // Without the smoke-test driver the workbench ignores the test payload and nothing runs;
      // the log level is copied into the workbench, and below `info` mocha's output is dropped.
      args: ['--vscode-option', 'enable-smoke-test-driver', '--log', 'info'],
    });
    const { origin } = codeServer;

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
    await page.goto(`${codeServer.url(run.workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

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
    await headless?.close();
    await codeServer?.stop();
  }
}
