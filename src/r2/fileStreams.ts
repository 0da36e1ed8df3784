import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline, Transform } from 'node:stream';

export function byteCounter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

/**
 * `length` bytes of the file from `start`, counted as they are read. Each call opens the file
 * afresh, so a failed request can be retried with a new stream; memory stays at one buffer.
 */
export function fileRangeStream(filePath: string, start: number, length: number, onBytes: (bytes: number) => void): Readable {
  const counter = byteCounter(onBytes);
  if (length === 0) {
    // createReadStream treats `end: start - 1` as "to the end of the file".
    counter.end();
    return counter;
  }
  // pipeline() destroys the counter with any read error, which fails the request using it.
  return pipeline(createReadStream(filePath, { start, end: start + length - 1 }), counter, () => undefined);
}
