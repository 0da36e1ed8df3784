// Object bytes live in immutable files named by random ids, never by key: keys may hold `..`, `//`,
// `%` or anything else. Metadata (store.ts) maps keys to lists of blob ids ("segments": one for a
// simple object, one per part for a multipart one, so completing an upload moves no bytes).
// A body is written straight into its blob file; it only becomes visible once metadata refers to it,
// and files left unreferenced by a crash are swept at the next start.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Segment {
  blob: string;
  size: number;
}

export class BlobStore {
  private readonly dir: string;
  /** Blobs being read: their deletion waits until the last reader is done. */
  private readonly pins = new Map<string, number>();
  private readonly doomed = new Set<string>();

  constructor(root: string) {
    this.dir = join(root, 'blobs');
    mkdirSync(this.dir, { recursive: true });
  }

  /** A fresh blob id and the file to write its bytes to. */
  create(): { blob: string; path: string } {
    const blob = randomBytes(16).toString('hex');
    return { blob, path: join(this.dir, blob) };
  }

  async duplicate(segments: Segment[]): Promise<Segment[]> {
    const copies: Segment[] = [];
    try {
      for (const s of segments) {
        const copy = this.create();
        await copyFile(join(this.dir, s.blob), copy.path);
        copies.push({ blob: copy.blob, size: s.size });
      }
    } catch (error) {
      this.discard(copies);
      throw error;
    }
    return copies;
  }

  /** Copies bytes [start, end] of the concatenated segments into a new blob (UploadPartCopy). */
  async copyRange(segments: Segment[], start: number, end: number): Promise<{ segment: Segment; md5: Buffer }> {
    const target = this.create();
    const md5 = createHash('md5');
    const hashing = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        md5.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(this.openRange(segments, start, end), hashing, createWriteStream(target.path));
    } catch (error) {
      await rm(target.path, { force: true });
      throw error;
    }
    return { segment: { blob: target.blob, size: end - start + 1 }, md5: md5.digest() };
  }

  /** Keeps blobs readable until the returned function is called, even if discarded meanwhile. */
  pin(segments: Segment[]): () => void {
    for (const s of segments) {
      this.pins.set(s.blob, (this.pins.get(s.blob) ?? 0) + 1);
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      for (const s of segments) {
        const left = (this.pins.get(s.blob) ?? 1) - 1;
        if (left > 0) {
          this.pins.set(s.blob, left);
        } else {
          this.pins.delete(s.blob);
          if (this.doomed.delete(s.blob)) {
            this.remove(s.blob);
          }
        }
      }
    };
  }

  discard(segments: Segment[]): void {
    for (const s of segments) {
      if (this.pins.has(s.blob)) {
        this.doomed.add(s.blob);
      } else {
        this.remove(s.blob);
      }
    }
  }

  /** Removes blob files no metadata refers to (left by a crash between writing and recording). */
  sweep(referenced: Set<string>): void {
    for (const name of readdirSync(this.dir)) {
      if (!referenced.has(name)) {
        rmSync(join(this.dir, name), { force: true });
      }
    }
  }

  /** Streams bytes [start, end] (inclusive) of the concatenated segments, one file at a time. */
  openRange(segments: Segment[], start: number, end: number): Readable {
    const dir = this.dir;
    async function* chunks(): AsyncGenerator<Buffer> {
      let offset = 0;
      for (const s of segments) {
        const segStart = Math.max(start, offset);
        const segEnd = Math.min(end, offset + s.size - 1);
        if (segStart <= segEnd) {
          yield* createReadStream(join(dir, s.blob), { start: segStart - offset, end: segEnd - offset });
        }
        offset += s.size;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  private remove(id: string): void {
    unlink(join(this.dir, id)).catch(() => {
      // Already gone: nothing to free.
    });
  }
}
