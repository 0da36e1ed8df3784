// Downloads an object into a file. Up to `rangeSize` it is one GET; a larger object comes in ranges,
// several at once, as awscli and rclone fetch them: one stream leaves a long link (and, locally, the
// disk) idle part of the time. Every range after the first response is pinned to its ETag (If-Match),
// so an object replaced meanwhile fails the download rather than mixing two versions in the file.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { R2Client } from './client';
import type { ErrorContext } from './errors';
import { classifyError, R2Error } from './errors';
import { confirmLocalTarget, prepareLocalTarget } from './localTarget';
import { runPool } from './pool';
import type { OpenedRange, RangeBody } from './rangeReader';
import { openRange } from './rangeReader';
import { withRetries } from './retry';
import { checkSetting } from './transfer';
import type { GetObjectInput } from './objects';
import type { ObjectLocation, ProgressCallback, R2ObjectHead } from './types';

const MiB = 1024 ** 2;

/**
 * 8 streams: over a link of 30 ms and 50 MB/s per connection (the bench's link profile) 4 streams
 * cap a download at 200 MB/s and reached 0.81× rclone; 8 reached 284 MB/s, 1.20× awscli's 10 and
 * 1.58× rclone's 4, for 0.5 MiB of buffers per stream. 64 MiB ranges (rclone's chunk size; awscli's
 * 8 MiB would mean 128 requests for 1 GiB) keep a 1 GiB download to 16 GETs and an object of up to
 * 64 MiB to one. A far server gets `farStreams` (see FarServer).
 */
export const DOWNLOAD_DEFAULTS = {
  rangeSize: 64 * MiB,
  streams: 8,
  farStreams: 16,
} as const;

/**
 * A server whose answers all take this long to start is far: each stream then waits a round trip
 * per range and moves what one connection over a long path moves, so more streams help. Measured with
 * 8 ranges in flight (a fresh client, 2026-12-02): through the bench's link proxy (30 ms round trip)
 * the fastest of the first 8 answers took 62–72 ms, each on a new connection; on the local server
 * 4–10 ms when quiet, but up to 19 ms at a load average of 9, and the very first GET of a process 32 ms.
 */
const FAR_SERVER_MS = 40;

/**
 * Decides, from the first `streams` ranges' answers, whether the server is far: when the fastest of
 * them took FAR_SERVER_MS or more, `far` resolves to `farStreams`. The fastest, because one slow
 * answer (a cold start, a busy moment) says nothing about the path. The curve measured with 64 MiB
 * ranges, 1 GiB, against the faster peer: link 1.05× at 8 streams, 1.44× at 16; loopback (two cores
 * shared with the server) 1.01× at 8, 0.66× at 16, where extra streams only cost CPU.
 */
class FarServer {
  readonly far: Promise<number>;
  #decide!: (streams: number) => void;
  #answers = 0;
  #fastestMs = Infinity;

  constructor(
    private readonly answersNeeded: number,
    private readonly farStreams: number,
  ) {
    this.far = new Promise((resolve) => (this.#decide = resolve));
  }

  /** One range's answer started `ms` after its request was sent. */
  answered(ms: number): void {
    this.#fastestMs = Math.min(this.#fastestMs, ms);
    if (++this.#answers === this.answersNeeded && this.#fastestMs >= FAR_SERVER_MS) {
      this.#decide(this.farStreams);
    }
  }
}

/** Opens a range, telling `timed` how long the answer took to start. */
async function openTimedRange(
  client: R2Client,
  input: GetObjectInput,
  signal: AbortSignal,
  timed?: FarServer,
): Promise<OpenedRange> {
  const sent = performance.now();
  const opened = await openRange(client, input, signal);
  timed?.answered(performance.now() - sent);
  return opened;
}

export interface DownloadFileInput extends ObjectLocation {
  filePath: string;
  /**
   * The folder the user chose, which `filePath` lies in: the folders between are created, and none
   * may be a symbolic link. Without it, the file's folder must exist.
   */
  root?: string;
  /** Download only this version (an etag); otherwise `PreconditionFailed`. */
  ifMatch?: string;
  onProgress?: ProgressCallback;
  /** Objects larger than this come in ranges of this size. At least 1 MiB. */
  rangeSize?: number;
  /** Ranges in flight at once; by default DOWNLOAD_DEFAULTS.streams, more for a far server. */
  streams?: number;
}

interface Range {
  start: number;
  /** Inclusive. */
  end: number;
}

interface RangePlan extends ObjectLocation {
  etag: string;
  handle: FileHandle;
  context: ErrorContext;
  onWritten: (bytes: number) => void;
  farServer?: FarServer;
}

/** The rest of the object after the first response's bytes, cut into `rangeSize` pieces. */
function laterRanges(from: number, size: number, rangeSize: number): Range[] {
  const ranges: Range[] = [];
  for (let start = from; start < size; start += rangeSize) {
    ranges.push({ start, end: Math.min(start + rangeSize, size) - 1 });
  }
  return ranges;
}

/**
 * Writes one range into the file at its offset. A body cut short (a reset, a stall) resumes after
 * the bytes already written, with a new GET of only the rest. A GET that fails before its body has
 * been retried already (by the SDK, or the direct GET's own attempts), so it is not retried again
 * here. `opened` is the first response's body.
 */
async function fetchRange(
  client: R2Client,
  plan: RangePlan,
  range: Range,
  opened: RangeBody | undefined,
  signal: AbortSignal,
): Promise<void> {
  const { bucket, key, context } = plan;
  let next = range.start;
  let body = opened;
  let opening = false;
  await withRetries(
    client.maxAttempts,
    context,
    signal,
    async () => {
      if (body === undefined) {
        opening = true;
        const reply = await openTimedRange(
          client,
          { bucket, key, ifMatch: plan.etag, range: { start: next, end: range.end } },
          signal,
          plan.farServer,
        );
        opening = false;
        if (reply.contentLength !== range.end - next + 1) {
          reply.body.discard();
          throw new R2Error('Unknown', context, {
            message: `The server answered a range request for "${key}" with other bytes.`,
          });
        }
        body = reply.body;
      }
      const source = body;
      body = undefined;
      await source.writeTo(
        plan.handle,
        next,
        (bytes) => {
          next += bytes;
          plan.onWritten(bytes);
        },
        signal,
      );
      if (next !== range.end + 1) {
        throw new R2Error('Network', context, { message: `The download of "${key}" ended early.` });
      }
    },
    () => !opening,
  );
}

/**
 * Flushes what has been written to disk while the rest still arrives, one flush at a time, so that
 * the flush the download waits for at the end has little left. It takes no CPU off (the kernel's
 * writeback is the same work) but overlaps it with the transfer: the final flush of 1 GiB took 1.8 s
 * of a 4.8 s download on this disk. Its failures are left to that final flush, which reports them.
 */
class RunningFlush {
  #flushing?: Promise<void>;
  #unflushed = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly every: number,
  ) {}

  wrote(bytes: number): void {
    this.#unflushed += bytes;
    if (this.#unflushed >= this.every && this.#flushing === undefined) {
      this.#unflushed = 0;
      this.#flushing = this.handle
        .datasync()
        .catch(() => undefined)
        .finally(() => (this.#flushing = undefined));
    }
  }

  /** Before the handle closes: a flush may not outlive its file descriptor. */
  async settled(): Promise<void> {
    await this.#flushing;
  }
}

/**
 * How much is written between two running flushes. 1 GiB on loopback, 3 runs each on a quiet machine:
 * 1.47 s without running flushes, 1.37 s every 128 MiB, 1.31 s every 64 MiB.
 */
const FLUSH_EVERY_BYTES = 64 * MiB;

/**
 * The temporary file: created, never opened through a link (O_EXCL fails on any existing name, a
 * broken link included; O_NOFOLLOW where the platform has it).
 */
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Downloads into a temporary file next to the target, flushed to disk, then renamed over it: the
 * target is either untouched or complete. Any failure or cancellation removes the temporary file.
 * The local path is checked before the first request (see prepareLocalTarget).
 */
export async function downloadFile(
  client: R2Client,
  input: DownloadFileInput,
  signal: AbortSignal,
): Promise<R2ObjectHead> {
  const { bucket, key, filePath, onProgress } = input;
  const context = { operation: 'DownloadFile', bucket, key };
  const rangeSize = checkSetting(
    'rangeSize',
    input.rangeSize ?? DOWNLOAD_DEFAULTS.rangeSize,
    MiB,
    Number.MAX_SAFE_INTEGER,
    context,
  );
  const streams = checkSetting('streams', input.streams ?? DOWNLOAD_DEFAULTS.streams, 1, 64, context);
  const farServer = input.streams === undefined ? new FarServer(streams, DOWNLOAD_DEFAULTS.farStreams) : undefined;
  const target = await prepareLocalTarget(filePath, input.root, context, signal);
  // The first range's response tells the size and the ETag the other ranges are pinned to.
  const first = await openTimedRange(
    client,
    { bucket, key, ifMatch: input.ifMatch, range: { start: 0, end: rangeSize - 1 } },
    signal,
    farServer,
  );
  const { head } = first;
  // A server that ignores Range sends the whole object here, and then there is nothing more to fetch.
  const ranges = [
    { start: 0, end: first.contentLength - 1 },
    ...laterRanges(first.contentLength, head.size, rangeSize),
  ];
  // Short and not made from the file name, so that any name the disk holds can be downloaded.
  const tempPath = join(target.folder, `.r2-partial-${randomBytes(6).toString('hex')}`);
  let written = 0;
  try {
    const handle = await open(tempPath, TEMP_FLAGS, 0o666);
    const flush = new RunningFlush(handle, FLUSH_EVERY_BYTES);
    const onWritten = (bytes: number) => {
      written += bytes;
      flush.wrote(bytes);
      onProgress?.(written, head.size);
    };
    try {
      const plan: RangePlan = { bucket, key, etag: head.etag, handle, context, onWritten, farServer };
      await runPool(
        ranges.length,
        streams,
        context,
        signal,
        (index, rangeSignal) =>
          fetchRange(client, plan, ranges[index], index === 0 ? first.body : undefined, rangeSignal),
        farServer?.far,
      );
      await flush.settled();
      await handle.sync();
    } catch (err) {
      await flush.settled();
      await handle.close().catch(() => undefined);
      throw err;
    }
    await handle.close();
    await confirmLocalTarget(target, context);
    await rename(tempPath, target.path);
  } catch (err) {
    first.body.discard();
    // Whatever the clean-up meets, the error reported is the one that stopped the download.
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw classifyError(err, context, signal);
  }
  return head;
}
