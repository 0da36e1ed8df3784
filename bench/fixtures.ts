// Local files the transfer cases send: random bytes (nothing compresses or deduplicates them).
import { randomFillSync } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MiB = 1024 ** 2;
const KiB = 1024;

/** A file of `mib` MiB of random bytes, written in 8 MiB chunks so the runner's memory stays small. */
export function randomFile(path: string, mib: number): string {
  const chunk = Buffer.allocUnsafe(8 * MiB);
  const fd = openSync(path, 'w');
  try {
    for (let left = mib * MiB; left > 0; left -= chunk.length) {
      const length = Math.min(left, chunk.length);
      randomFillSync(chunk, 0, length);
      writeSync(fd, chunk, 0, length);
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** A file of `bytes` zeros that takes no room on disk (sparse): for objects where only the size matters. */
export function sparseFile(path: string, bytes: number): string {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Same sizes on every run (a fixed-seed generator), so totals compare across runs and machines. */
function* sizes(count: number): Generator<number> {
  let state = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    yield KiB + (state % (63 * KiB + 1));
  }
}

/** Where smallFilesFolder puts its file number `index`. */
export function smallFilePath(dir: string, index: number): string {
  return join(dir, `part-${index % 10}`, `file-${String(index).padStart(5, '0')}.bin`);
}

/** `count` files of 1–64 KiB in ten sub-folders; returns the total bytes. */
export function smallFilesFolder(dir: string, count: number): number {
  const bytes = Buffer.allocUnsafe(64 * KiB);
  let total = 0;
  let i = 0;
  for (const size of sizes(count)) {
    const path = smallFilePath(dir, i);
    mkdirSync(dirname(path), { recursive: true });
    randomFillSync(bytes, 0, size);
    const fd = openSync(path, 'w');
    writeSync(fd, bytes, 0, size);
    closeSync(fd);
    total += size;
    i++;
  }
  return total;
}
