// `node uploadFile.js <file> <key> [partMiB concurrency]`: one file through src/r2's uploadFile, as
// the extension's upload command sends it (create-only, with a content type). Part size and parts in
// flight are src/r2's defaults unless given (the curve case tries others).
import { basename } from 'node:path';
import { contentType } from 'mime-types';
import { uploadFile } from '../../src/r2';
import { mib, runWorker } from './worker';

export const uploadFileOperation = runWorker(
  async ({ client, bucket, args: [filePath, key, partMiB, concurrency], signal }) => {
    const { size } = await uploadFile(
      client,
      {
        bucket,
        key,
        filePath,
        contentType: contentType(basename(filePath)) || 'application/octet-stream',
        ifNoneMatch: '*',
        partSize: mib(partMiB),
        concurrency: concurrency === undefined ? undefined : Number(concurrency),
      },
      signal,
    );
    return { bytes: size };
  },
  module,
);
