// `node downloadFile.js <key> <file> [rangeMiB streams]`: one object through src/r2's downloadFile;
// range size and ranges in flight are src/r2's defaults unless given (the curve case tries others).
import { downloadFile } from '../../src/r2';
import { mib, runWorker } from './worker';

/** As the extension's clients download where no proxy is configured (src/accounts/directDownloads.ts). */
export const DOWNLOAD_CLIENT_OPTIONS = { directDownloads: true };

export const downloadFileOperation = runWorker(
  async ({ client, bucket, args: [key, filePath, rangeMiB, streams], signal }) => {
    const head = await downloadFile(
      client,
      { bucket, key, filePath, rangeSize: mib(rangeMiB), streams: streams === undefined ? undefined : Number(streams) },
      signal,
    );
    return { bytes: head.size };
  },
  module,
  DOWNLOAD_CLIENT_OPTIONS,
);
