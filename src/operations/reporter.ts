// How an operation tells how far it got. The screen decides how often and how to show it
// (src/ui/progressReporter.ts throttles a notification); an operation reports every change.

export interface Progress {
  readonly itemsDone: number;
  /** Unknown while the work is still finding its items. */
  readonly itemsTotal?: number;
  /** Bytes moved, for transfers. */
  readonly bytesDone?: number;
  readonly bytesTotal?: number;
  /** The item being worked on (of several in flight, the one that started first). */
  readonly current?: string;
}

export interface Reporter {
  report(progress: Progress): void;
}

export const silentReporter: Reporter = { report: () => undefined };

/**
 * Counts a batch's items and bytes, and reports each change, naming the item in flight that
 * started first: the one a user waits for (the large file among small ones), steady while it runs.
 */
export class ProgressCounter {
  private itemsDone = 0;
  private bytesDone = 0;
  private readonly inFlight: string[] = [];

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

  /** Runs the work of the item `name`, which is in flight until it ends, however it ends. */
  async track<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.inFlight.push(name);
    try {
      return await work();
    } finally {
      this.inFlight.splice(this.inFlight.indexOf(name), 1);
    }
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
      current: this.inFlight[0],
    });
  }
}
