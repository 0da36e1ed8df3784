// What the r2: file system reports as an object's mtime and size, so that VS Code's own dirty-write
// check sees every change made behind an editor's back. Pure: unit-tested without VS Code.
//
// VS Code refuses a save with "the content of the file is newer" (Compare / Overwrite) only when the
// stat taken just before the write has a newer mtime than the editor's model AND a different size
// (FileService.validateWriteFile compares etag(modelMtime, statSize) with the model's etag). An R2
// object rewritten within the same second, or rewritten with as many bytes, would slip past that
// check. So each version (ETag) of a key seen by this window gets a "generation": its mtime is
// later than every earlier generation's, and its size differs from every earlier generation's
// (the real size, raised by a few bytes only when it collides with an earlier one).

/** A version of an object as R2 describes it. */
export interface ObservedVersion {
  etag: string;
  size: number;
  /** Milliseconds since the epoch (HEAD gives whole seconds). */
  lastModified: number;
}

/** What stat reports for a version. */
export interface ReportedStat {
  mtime: number;
  size: number;
}

interface Generation extends ReportedStat {
  etag: string;
}

/** Generations kept per key: enough for any editing session; older ones stop mattering. */
const GENERATIONS_PER_KEY = 64;

export class VersionLedger {
  private readonly keys = new Map<string, Generation[]>();

  /** @param capacity keys remembered; the least recently observed are forgotten first. */
  constructor(private readonly capacity = 10_000) {}

  /** The stat to report for the version now on the server: the same numbers while it stays current. */
  observe(id: string, version: ObservedVersion): ReportedStat {
    const generations = this.keys.get(id) ?? [];
    // Re-inserting keeps the map in least-recently-observed order.
    this.keys.delete(id);
    this.keys.set(id, generations);
    this.evict();
    const latest = generations.at(-1);
    if (latest?.etag === version.etag) {
      return { mtime: latest.mtime, size: latest.size };
    }
    // An ETag that comes back after another version is a new generation too: an editor may hold
    // the version in between.
    let size = version.size;
    while (generations.some((generation) => generation.size === size)) {
      size++;
    }
    const mtime = latest === undefined ? version.lastModified : Math.max(version.lastModified, latest.mtime + 1);
    generations.push({ etag: version.etag, mtime, size });
    if (generations.length > GENERATIONS_PER_KEY) {
      generations.shift();
    }
    return { mtime, size };
  }

  private evict(): void {
    while (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next().value;
      if (oldest === undefined) {
        return;
      }
      this.keys.delete(oldest);
    }
  }
}
