// A range of an object opened for downloadFile, and the way its body gets into the file: through a
// direct connection when the client sends downloads that way (directGet.ts), through the SDK
// otherwise. Either way the bytes land at their offset and are counted once they are in the file.
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { R2Client } from './client';
import { fileWriter } from './fileStreams';
import type { GetObjectInput } from './objects';
import { getObjectStream } from './objects';
import type { R2ObjectHead } from './types';

export interface RangeBody {
  /**
   * Writes the body into `file` from `position`; `onWritten` hears bytes once they are in the file,
   * so a body cut short resumes where they stop. Fails with an R2Error, or once `signal` has fired
   * with whatever the cancellation threw.
   */
  writeTo(file: FileHandle, position: number, onWritten: (bytes: number) => void, signal: AbortSignal): Promise<void>;
  /** Gives the body up unread. */
  discard(): void;
}

export interface OpenedRange {
  head: R2ObjectHead;
  /** Bytes in `body`: the object's size, or the range's length. */
  contentLength: number;
  body: RangeBody;
}

function streamBody(body: Readable): RangeBody {
  return {
    async writeTo(file, position, onWritten, signal) {
      const writer = fileWriter(file, position, onWritten);
      try {
        await pipeline(body, writer, { signal });
      } finally {
        await writer.settled();
      }
    },
    discard: () => body.destroy(),
  };
}

/** Sends the GET, directly when the client does (see R2ClientOptions.directDownloads), and reads its head. */
export async function openRange(client: R2Client, input: GetObjectInput, signal: AbortSignal): Promise<OpenedRange> {
  const direct = await client.getDirect(input, signal);
  if (direct !== undefined) {
    return direct;
  }
  const { head, contentLength, body } = await getObjectStream(client, input, signal);
  return { head, contentLength, body: streamBody(body) };
}
