// How an operation tells how far it got. The screen decides how often and how to show it
// (src/ui/progressReporter.ts throttles a notification); an operation reports every change.

export interface Progress {
  readonly itemsDone: number;
  /** Unknown while the work is still finding its items. */
  readonly itemsTotal?: number;
  /** Bytes moved, for transfers. */
  readonly bytesDone?: number;
  readonly bytesTotal?: number;
  /** The item most recently started. */
  readonly current?: string;
}

export interface Reporter {
  report(progress: Progress): void;
}

export const silentReporter: Reporter = { report: () => undefined };

/** Counts a batch's items and bytes, and reports each change. */
export class ProgressCounter {
  private itemsDone = 0;
  private bytesDone = 0;
  private current?: string;

  constructor(
    private readonly reporter: Reporter,
    private readonly itemsTotal: number,
    private readonly bytesTotal?: number,
  ) {
    this.report();
  }

  /** Bytes moved (negative when an attempt starts over). */
  add(bytes: number): void {
    this.bytesDone += bytes;
    this.report();
  }

  started(name: string): void {
    this.current = name;
  }

  itemDone(): void {
    this.itemsDone++;
    this.report();
  }

  private report(): void {
    this.reporter.report({
      itemsDone: this.itemsDone,
      itemsTotal: this.itemsTotal,
      ...(this.bytesTotal === undefined ? {} : { bytesDone: this.bytesDone, bytesTotal: this.bytesTotal }),
      current: this.current,
    });
  }
}
