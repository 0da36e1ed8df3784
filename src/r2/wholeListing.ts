// Every key under a prefix, with several ListObjectsV2 requests in flight. One listing is a chain of
// pages (each needs the previous page's continuation token), so over a link each page waits a round
// trip after the one before. Here the keys are cut into ranges (lower, upper], each listed from its
// own StartAfter and kept only up to its upper bound, so ranges are listed side by side and their
// union is exact wherever the bounds fall. The bounds are guesses (`splitPointsAfter`): the last
// range is open-ended, and each page it receives guesses the next ranges beyond it.
import type { R2Client } from './client';
import { compareKeys } from './keys';
import { listPage, MAX_PAGE_SIZE } from './listing';
import { runPool } from './pool';
import { splitPointsAfter } from './keySplits';
import type { R2Object } from './types';

export interface WholeListingInput {
  bucket: string;
  prefix?: string;
  /** Requests in flight at most (default 6). */
  concurrency?: number;
}

export const WHOLE_LISTING_CONCURRENCY = 6;

/**
 * Keys a guessed range is aimed at: a little less than a page, as randomly named keys fall unevenly
 * and a range a few keys over a page costs a second request, a round trip later; a whole page once
 * ranges have held exactly what they were aimed at (keys named by a counter fall where guessed).
 */
const ROUGH_AIM = 900;
const EXACT_AIM = MAX_PAGE_SIZE;
const EXACT_AFTER = 2;

interface KeyRange {
  /** Keys after this one (StartAfter); none for the first range, which starts at the prefix. */
  readonly after?: string;
  /** Keys up to this one; none for the last range, which goes to the end of the listing. */
  upper?: string;
  /** The keys a guessed range was aimed at. */
  readonly aim?: number;
  token?: string;
  sent: boolean;
  busy: boolean;
  done: boolean;
  /** Listed and not yet handed out, in order. */
  readonly pages: R2Object[][];
}

function keyRange(after?: string, upper?: string, aim?: number): KeyRange {
  return { after, upper, aim, sent: false, busy: false, done: false, pages: [] };
}

/** How many of `objects` (in key order) are at or below `upper`. */
function countUpTo(objects: readonly R2Object[], upper: string): number {
  let lo = 0;
  let hi = objects.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(objects[mid].key, upper) <= 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Every object under `prefix` (no delimiter: folder markers and everything below included), in key
 * order, page by page; `requests` counts the ListObjectsV2 requests sent so far. A prefix of one page
 * costs one request; a longer one a few more requests than pages, for guesses that missed.
 */
export class WholeListing implements AsyncIterable<R2Object[]> {
  #requests = 0;
  /** Ranges not yet handed out, in key order; the first is the one being handed out. */
  readonly #ranges: KeyRange[] = [keyRange()];
  /** Pages of the open-ended range so far: the first guesses open few ranges, in case the listing is short. */
  #frontierPages = 0;
  /** Guessed ranges that held exactly the keys they were aimed at, and whether one did not. */
  #onAim = 0;
  #offAim = false;
  #wake: () => void = () => undefined;
  readonly #concurrency: number;

  constructor(
    private readonly client: R2Client,
    private readonly input: WholeListingInput,
    private readonly signal: AbortSignal,
  ) {
    this.#concurrency = input.concurrency ?? WHOLE_LISTING_CONCURRENCY;
  }

  /** ListObjectsV2 requests sent so far. */
  get requests(): number {
    return this.#requests;
  }

  /** Lists as it is iterated; iterate once. Leaving early (break, a throw) stops the requests in flight. */
  async *[Symbol.asyncIterator](): AsyncGenerator<R2Object[]> {
    const stop = new AbortController();
    const signal = AbortSignal.any([this.signal, stop.signal]);
    const context = { operation: 'ListObjectsV2', bucket: this.input.bucket };
    let failure: { error: unknown } | undefined;
    const pool = runPool(this.#concurrency, this.#concurrency, context, signal, (_, taskSignal) =>
      this.#work(taskSignal),
    ).catch((error: unknown) => {
      failure = { error };
      this.#wake();
    });
    try {
      for (;;) {
        if (failure !== undefined) {
          throw failure.error;
        }
        const head = this.#ranges.at(0);
        const page = head?.pages.shift();
        if (head === undefined) {
          return;
        } else if (page !== undefined) {
          this.#wake();
          yield page;
        } else if (head.done) {
          this.#ranges.shift();
        } else {
          await this.#changed();
        }
      }
    } finally {
      stop.abort();
      await pool;
    }
  }

  /** Resolves at the next change (a page listed or handed out, a range added, the end), or once `signal` fires. */
  #changed(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      signal?.addEventListener('abort', done, { once: true });
      const previous = this.#wake;
      this.#wake = () => {
        this.#wake = () => undefined;
        previous();
        done();
      };
    });
  }

  /** One of `concurrency` workers: sends the next request any range needs until every range is done. */
  async #work(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.#ranges.some((range) => !range.done)) {
      const range = this.#nextToList();
      if (range === undefined) {
        await this.#changed(signal);
        continue;
      }
      range.busy = true;
      range.sent = true;
      this.#requests++;
      try {
        const { bucket, prefix } = this.input;
        const page = await listPage(
          this.client,
          { bucket, prefix, delimiter: '', token: range.token, startAfter: range.after },
          signal,
        );
        this.#accept(range, page.objects, page.nextToken);
      } finally {
        range.busy = false;
        this.#wake();
      }
    }
  }

  /**
   * The range to send a request for: the open-ended one first (its pages open the next ranges) while
   * the bounded ranges left fit in the requests in flight, then the others in key order. Pages listed
   * ahead are capped, so a slow consumer holds a few pages, never the whole listing; the range being
   * handed out always goes.
   */
  #nextToList(): KeyRange | undefined {
    const ranges = this.#ranges;
    const head = ranges[0];
    const frontier = ranges[ranges.length - 1];
    const ready = (range: KeyRange): boolean => !range.done && !range.busy;
    const ahead = ranges.reduce((sum, range) => sum + range.pages.length + (range.busy ? 1 : 0), 0);
    const mayRunAhead = ahead < 2 * this.#concurrency;
    const bounded = ranges.filter((range) => range.upper !== undefined && !range.done).length;
    if (ready(frontier) && (frontier === head || (mayRunAhead && bounded < this.#concurrency))) {
      return frontier;
    }
    if (ready(head)) {
      return head;
    }
    return mayRunAhead ? ranges.find((range) => range !== frontier && ready(range)) : undefined;
  }

  /** Takes a page into its range: keeps the keys up to the range's bound, and opens ranges beyond it. */
  #accept(range: KeyRange, objects: R2Object[], nextToken: string | undefined): void {
    const kept = range.upper === undefined ? objects : objects.slice(0, countUpTo(objects, range.upper));
    if (kept.length > 0) {
      range.pages.push(kept);
    }
    const first = range.token === undefined;
    range.token = nextToken;
    if (nextToken === undefined) {
      range.done = true;
      // Nothing lies beyond this page: ranges further on that were not listed yet are empty.
      for (const later of this.#ranges.slice(this.#ranges.indexOf(range) + 1)) {
        later.done ||= !later.busy && !later.sent;
      }
    } else if (kept.length < objects.length || (kept.length > 0 && kept[kept.length - 1].key === range.upper)) {
      range.done = true;
      if (first && range.aim !== undefined) {
        this.#offAim ||= kept.length !== range.aim;
        this.#onAim++;
      }
    } else if (range.upper === undefined) {
      this.#openRangesAfter(range, kept);
    }
    if (process.env.PARLIST_DEBUG) {
      console.error(
        'range',
        range.after,
        range.upper,
        'aim',
        range.aim,
        'kept',
        kept.length,
        'of',
        objects.length,
        'done',
        range.done,
      );
    }
  }

  /** From a page of the open-ended range: bounds it at the first guess, and opens ranges to the others. */
  #openRangesAfter(frontier: KeyRange, page: readonly R2Object[]): void {
    const count = Math.min(this.#concurrency - 1, 2 ** this.#frontierPages);
    this.#frontierPages++;
    const aim = !this.#offAim && this.#onAim >= EXACT_AFTER ? EXACT_AIM : ROUGH_AIM;
    const keys = page.map((object) => object.key);
    const points = splitPointsAfter(keys, this.input.prefix ?? '', count, aim);
    if (points.length === 0) {
      return;
    }
    frontier.upper = points[0];
    const opened = points.map((point, i) => keyRange(point, points[i + 1], i + 1 < points.length ? aim : undefined));
    this.#ranges.push(...opened);
  }
}

/** Every object under a prefix, several requests at a time, in key order: see `WholeListing`. */
export function listWhole(client: R2Client, input: WholeListingInput, signal: AbortSignal): WholeListing {
  return new WholeListing(client, input, signal);
}
