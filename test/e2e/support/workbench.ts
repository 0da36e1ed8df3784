// The VS Code workbench in a browser page, driven the way a person uses it: activity bar, tree rows,
// right-click menus, the quick input, notifications and dialogs. Selectors follow the workbench's
// own DOM (the same ones VS Code's smoke tests use), so they name what is on screen.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually } from './eventually';

/** Matches a whole label, so `docs/` does not also find `docs/reference/`. */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Opens the URL in a fresh browser profile, as a first visit, and waits for R2 Explorer to load. */
  static async open(browser: Browser, url: string): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Lets the test read what "Copy" commands put on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    await page.goto(url);
    const workbench = new Workbench(context, page);
    await workbench.loaded();
    return workbench;
  }

  /** Reloads the page, as a person presses F5, and waits for R2 Explorer to load again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.loaded();
  }

  /**
   * Waits until the workbench has read the extension's contributions (after a load or a reload):
   * the icon appears then, and menus opened before lack its entries.
   */
  async loaded(): Promise<void> {
    await this.activityItem('R2 Explorer').waitFor({ timeout: 60_000 });
  }

  private activityItem(title: string): Locator {
    return this.page
      .locator('.activitybar .action-item')
      .filter({ has: this.page.locator(`a[aria-label^="${title}"]`) });
  }

  /**
   * Shows a view container from its activity-bar icon; a click on the one showing would hide it.
   * Repeated until the side bar shows: after Find Keys opened an editor under CI load, the side bar
   * was seen closed with the icon still checked, and one click did not bring it back.
   */
  async showView(title: string): Promise<void> {
    const item = this.activityItem(title);
    const sidebar = this.page.locator('.part.sidebar');
    await eventually(async () => {
      const checked = ((await item.getAttribute('class')) ?? '').split(' ').includes('checked');
      if (!checked || !(await sidebar.isVisible())) {
        await this.click(item);
      }
      await sidebar.waitFor({ state: 'visible', timeout: 3_000 });
      await item.and(this.page.locator('.checked')).waitFor({ timeout: 1_000 });
    }, 30_000);
  }

  /** A row of the side bar's tree by its label as shown (sticky headers excluded). */
  row(label: string): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-rows > .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /**
   * Clicks, then moves the pointer off, as a hand moves on: a pointer resting on a row opens its
   * tooltip over the rows below, where the next click would land on the tooltip.
   */
  async click(target: Locator): Promise<void> {
    await target.click();
    await this.page.mouse.move(0, 0);
  }

  /** Expands each row in turn, leaving expanded ones as they are. */
  async expand(...labels: string[]): Promise<void> {
    for (const label of labels) {
      const row = this.row(label);
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await this.click(row);
      }
      await row.and(this.page.locator('[aria-expanded="true"]')).waitFor();
    }
  }

  /** Right-clicks `target` and chooses `item` from the context menu. */
  async contextMenu(target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right' });
    // By the label alone: an entry's accessible name also holds its keybinding ("Delete… Del").
    const entry = this.page
      .getByRole('menuitem')
      .filter({ has: this.page.locator('.action-label', { hasText: exactly(item) }) });
    // The menu redraws the item the pointer enters, and a click that comes with that first move
    // is sometimes lost (3 in 8 here, and under CI load even after pointing at it first): a menu
    // that is still open after the click did not get it, so the click is made again.
    for (let attempt = 1; ; attempt++) {
      await entry.hover();
      await entry.click();
      try {
        await entry.waitFor({ state: 'hidden', timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
      }
    }
  }

  /** Closes whatever menu, picker or dialog a failed step left open. */
  async dismiss(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await this.page.keyboard.press('Escape');
    }
  }

  /** The quick input's items (pickers, boxes) with this label. */
  quickPickItem(label: string): Locator {
    return this.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  async pick(label: string): Promise<void> {
    await this.click(this.quickPickItem(label));
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notification-toast').filter({ hasText: text });
  }

  /**
   * Waits for a notification as a person would look for it: the toast, or, once toasts have
   * gone (they hide after a while, and sooner when the page has no focus), the notification
   * center opened from the status bar's bell.
   */
  async seeNotification(text: string | RegExp): Promise<void> {
    try {
      await this.notification(text).waitFor({ timeout: 5_000 });
    } catch {
      const bell = this.page.locator('.statusbar [id="status.notifications"]').first();
      await this.click(bell);
      await this.page
        .locator('.notifications-center .notification-list-item')
        .filter({ hasText: text })
        .first()
        .waitFor();
      // Closed again, so the center covers nothing the next step clicks.
      await this.click(bell);
    }
  }

  /** The modal dialog (confirmations). */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** An editor tab by its file name (the tab shows the extension apart from the name). */
  editorTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab[data-resource-name="${name}"]`);
  }

  clipboard(): Promise<string> {
    // Runs in the page, where globalThis is the window (this project compiles without DOM types).
    type Window = { navigator: { clipboard: { readText(): Promise<string> } } };
    return this.page.evaluate(() => (globalThis as unknown as Window).navigator.clipboard.readText());
  }

  async screenshot(path: string): Promise<void> {
    if (!this.page.isClosed()) {
      await this.page.screenshot({ path });
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
