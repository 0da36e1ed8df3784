// Answers a file system provider already has, kept with the time they were learned: while fresh
// they stand in for a request. No `vscode` here, and the clock is a parameter, so it is tested in
// plain Node without waiting.

export interface FreshnessOptions {
  /** How long an answer stands in for a request. */
  readonly freshMs: number;
  /** Most entries kept; beyond it the least recently set go first. Default: no bound. */
  readonly capacity?: number;
  /** Milliseconds from any fixed origin; default a monotonic clock, so a changed system time changes nothing. */
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: V;
  readonly at: number;
}

/**
 * Values by id, each with the time it was set. `fresh` answers only while an entry is younger than
 * `freshMs`; `get` answers at any age (for what stays true until something changes it). Entries are
 * kept in the order they were set, which is the order of their times, so dropping the stale ones
 * stops at the first fresh one.
 */
export class FreshnessCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly freshMs: number;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(options: FreshnessOptions) {
    this.freshMs = options.freshMs;
    this.capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stores `value` as learned now, as the newest entry; the oldest go beyond the capacity. */
  set(id: string, value: V): void {
    this.entries.delete(id);
    this.entries.set(id, { value, at: this.now() });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) {
        break;
      }
      this.entries.delete(oldest);
    }
  }

  /** The value, however old. */
  get(id: string): V | undefined {
    return this.entries.get(id)?.value;
  }

  /** The value while it is fresh (set less than `freshMs` ago). */
  fresh(id: string): V | undefined {
    const entry = this.entries.get(id);
    return entry !== undefined && this.isFresh(entry) ? entry.value : undefined;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Forgets the entries that are no longer fresh: they would never answer `fresh` again. */
  dropStale(): void {
    for (const [id, entry] of this.entries) {
      if (this.isFresh(entry)) {
        break;
      }
      this.entries.delete(id);
    }
  }

  private isFresh(entry: Entry<V>): boolean {
    return this.now() - entry.at < this.freshMs;
  }
}
