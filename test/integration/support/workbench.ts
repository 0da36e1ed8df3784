// The workbench as a user sees it: the test runner that drives the browser answers these over
// loopback (R2_TEST_UI_PROBE), since the extension host cannot read the DOM.
import type { Context } from 'mocha';

const probe = process.env.R2_TEST_UI_PROBE;

async function ask<T>(path: string, body: object): Promise<T> {
  const response = await fetch(`${probe}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) {
    throw new Error(`UI probe ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Marks the test pending where no browser drives the workbench (VS Code desktop host). */
export function requireWorkbench(test: Context): void {
  if (!probe) {
    test.skip();
  }
}

/** Waits until an element with this text (or matching this CSS selector) is visible in the page. */
export async function isVisible(target: { text: string } | { selector: string }, timeoutMs = 10000): Promise<boolean> {
  return (await ask<{ visible: boolean }>('/visible', { ...target, timeoutMs })).visible;
}

/** Clicks the first element matching the CSS selector, as a user would. */
export async function click(selector: string, timeoutMs = 10000): Promise<void> {
  await ask('/click', { selector, timeoutMs });
}

/** Presses a key (`Escape`, `Control+V`) where the focus is. */
export async function press(key: string): Promise<void> {
  await ask('/press', { key });
}

/**
 * Pastes into the webview showing `selector`: an image or text put on the browser's clipboard and
 * Ctrl+V pressed in the webview (`clipboard`), or a paste event carrying it dispatched there
 * (`event`: for image types the async clipboard cannot hold). Resolves to the text of `status`
 * once it changed, or null when the webview closed.
 */
export async function pasteIntoWebview(request: {
  readonly selector: string;
  readonly status: string;
  readonly via: 'clipboard' | 'event';
  readonly image?: { readonly base64: string; readonly type: string; readonly name: string };
  readonly text?: string;
}): Promise<string | null> {
  return (await ask<{ status: string | null }>('/pasteIntoWebview', request)).status;
}

export async function screenshot(name: string): Promise<void> {
  if (probe) {
    await ask('/screenshot', { name });
  }
}
