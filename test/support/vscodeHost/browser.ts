import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { ensureChromium } from './install';

export interface HeadlessBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, driven by playwright-core. Launched as a server so that our own
 * cleanup stops it: Playwright's signal handlers would orphan code-server on Ctrl-C.
 */
export async function launchBrowser(): Promise<HeadlessBrowser> {
  const server = await chromium.launchServer({
    executablePath: ensureChromium(),
    headless: true,
    chromiumSandbox: false,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-extensions',
    ],
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await server.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
