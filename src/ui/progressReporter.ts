import type { Progress, Reporter } from '../operations';
import { formatBytes } from './format';
import type { ProgressSink, UserInterface } from './userInterface';

// Progress updates at most this often: thousands of small files must not flood the notification.
const THROTTLE_MS = 150;

/** "3 of 12 files · 45 MB of 120 MB" (no file count for one file). */
export function transferText({ itemsDone, itemsTotal, bytesDone = 0, bytesTotal = 0 }: Progress): string {
  const files = itemsTotal === 1 ? '' : `${itemsDone} of ${itemsTotal ?? '?'} files · `;
  return `${files}${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`;
}

/**
 * An operation's progress in a notification: the bar moves with the bytes (or, without bytes, the
 * items), and the message is `describe`'s (none when it gives none). Updates are throttled; the
 * first and the last always show.
 */
export class NotificationReporter implements Reporter {
  private reportedPercent = 0;
  private lastReport = 0;
  private first = true;

  constructor(
    private readonly sink: ProgressSink,
    private readonly describe: (progress: Progress) => string | undefined = transferText,
  ) {}

  report(progress: Progress): void {
    const now = Date.now();
    const last = progress.itemsTotal !== undefined && progress.itemsDone >= progress.itemsTotal;
    if (!this.first && !last && now - this.lastReport < THROTTLE_MS) {
      return;
    }
    this.first = false;
    this.lastReport = now;
    const percent = percentOf(progress);
    this.sink.report({
      message: this.describe(progress),
      increment: percent === undefined ? undefined : percent - this.reportedPercent,
    });
    this.reportedPercent = percent ?? this.reportedPercent;
  }
}

function percentOf({ itemsDone, itemsTotal, bytesDone, bytesTotal }: Progress): number | undefined {
  if (bytesTotal !== undefined && bytesTotal > 0) {
    return Math.min(100, ((bytesDone ?? 0) / bytesTotal) * 100);
  }
  return itemsTotal === undefined ? undefined : (itemsDone / Math.max(1, itemsTotal)) * 100;
}

/** Runs an operation under a notification with Cancel, its progress shown as `describe` says. */
export function withReporter<T>(
  ui: UserInterface,
  title: string,
  work: (signal: AbortSignal, reporter: Reporter) => Promise<T>,
  describe?: (progress: Progress) => string | undefined,
): Promise<T> {
  return ui.withProgress(title, (signal, sink) => work(signal, new NotificationReporter(sink, describe)));
}

/** A bar only, no message: for work whose items need no count in words. */
export const barOnly = (): undefined => undefined;
