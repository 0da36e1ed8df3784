// `node downloadNoFlush.js <key> <file>`: a diagnostic, not something the extension does. One GET
// on a direct connection, as downloadFile sends them, written into the file without its ranges in
// parallel, flushes to disk and temporary file: the plainest download, as a floor for what those cost
// or save.
import { open } from 'node:fs/promises';
import { openRange } from '../../src/r2/rangeReader';
import { DOWNLOAD_CLIENT_OPTIONS } from './downloadFile';
import { runWorker } from './worker';

runWorker(
  async ({ client, bucket, args: [key, filePath], signal }) => {
    const { contentLength, body } = await openRange(client, { bucket, key }, signal);
    const file = await open(filePath, 'w');
    try {
      await body.writeTo(file, 0, () => undefined, signal);
    } finally {
      await file.close();
    }
    return { bytes: contentLength };
  },
  module,
  DOWNLOAD_CLIENT_OPTIONS,
);
