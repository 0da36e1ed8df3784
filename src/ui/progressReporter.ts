import type { Progress, Reporter } from '../operations';
import { formatBytes, formatDuration, formatRate } from './format';
import type { ProgressSink, UserInterface } from './userInterface';

// Progress updates at most this often: thousands of small files must not flood the notification.
const THROTTLE_MS = 150;
// Speed is the bytes moved over the last few seconds: it follows a network that slows down, and
// one slow part does not swing it. One sample per tenth of a second bounds what is kept.
const RATE_WINDOW_MS = 5000;
const SAMPLE_MS = 100;
// Speed and time left only for transfers long enough to wait for: big, or already slow.
const LARGE_BYTES = 8 * 1024 * 1024;
const LONG_MS = 2000;

/** How fast bytes move, and how long the rest will take at that speed. */
export interface Speed {
  readonly bytesPerSecond: number;
  readonly secondsLeft?: number;
}

/** Bytes per second over a sliding window, from samples of a transfer's byte count. */
export class TransferRate {
  private readonly samples: Array<{ readonly at: number; readonly bytes: number }> = [];

  add(at: number, bytes: number): void {
    const last = this.samples.at(-1);
    if (last !== undefined && at - last.at < SAMPLE_MS) {
      return;
    }
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[1].at >= RATE_WINDOW_MS) {
      this.samples.shift();
    }
  }

  /** Undefined until the samples span a second: a rate from less would jump about. */
  bytesPerSecond(): number | undefined {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined || last.at - first.at < 1000) {
      return undefined;
    }
    return Math.max(0, (last.bytes - first.bytes) / ((last.at - first.at) / 1000));
  }
}

/**
 * "big.bin — 120 MiB of 1 GiB, 45 MiB/s, 20 s left", or "a.txt — 3 of 12 files · 45 MiB of 120 MiB":
 * the file being moved, the count (none for one file), and the speed when known.
 */
export function transferText(
  { itemsDone, itemsTotal, bytesDone = 0, bytesTotal = 0, current }: Progress,
  speed?: Speed,
): string {
  const files = itemsTotal === 1 ? '' : `${itemsDone} of ${itemsTotal ?? '?'} files · `;
  const rate =
    speed === undefined
      ? ''
      : `, ${formatRate(speed.bytesPerSecond)}${speed.secondsLeft === undefined ? '' : `, ${formatDuration(speed.secondsLeft)} left`}`;
  return `${current ? `${current} — ` : ''}${files}${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}${rate}`;
}

/**
 * An operation's progress in a notification: the bar moves with the bytes (or, without bytes, the
 * items), and the message is `describe`'s (none when it gives none), with the speed of a large
 * transfer. Updates are throttled; the first and the last always show.
 */
export class NotificationReporter implements Reporter {
  private reportedPercent = 0;
  private lastReport = 0;
  private first = true;
  private readonly rate = new TransferRate();
  private readonly startedAt: number;

  constructor(
    private readonly sink: ProgressSink,
    private readonly describe: (progress: Progress, speed?: Speed) => string | undefined = transferText,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  report(progress: Progress): void {
    const now = this.now();
    if (progress.bytesDone !== undefined) {
      this.rate.add(now, progress.bytesDone);
    }
    const last = progress.itemsTotal !== undefined && progress.itemsDone >= progress.itemsTotal;
    if (!this.first && !last && now - this.lastReport < THROTTLE_MS) {
      return;
    }
    this.first = false;
    this.lastReport = now;
    const percent = percentOf(progress);
    this.sink.report({
      message: this.describe(progress, last ? undefined : this.speed(progress, now)),
      increment: percent === undefined ? undefined : percent - this.reportedPercent,
    });
    this.reportedPercent = percent ?? this.reportedPercent;
  }

  private speed({ bytesDone = 0, bytesTotal = 0 }: Progress, now: number): Speed | undefined {
    const bytesPerSecond = this.rate.bytesPerSecond();
    if (bytesPerSecond === undefined || (bytesTotal < LARGE_BYTES && now - this.startedAt < LONG_MS)) {
      return undefined;
    }
    return {
      bytesPerSecond,
      secondsLeft: bytesPerSecond > 0 ? Math.max(0, bytesTotal - bytesDone) / bytesPerSecond : undefined,
    };
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
  describe?: (progress: Progress, speed?: Speed) => string | undefined,
): Promise<T> {
  return ui.withProgress(title, (signal, sink) => work(signal, new NotificationReporter(sink, describe)));
}

/** A bar only, no message: for work whose items need no count in words. */
export const barOnly = (): undefined => undefined;
