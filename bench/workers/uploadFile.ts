// `node uploadFile.js <file> <key>`: one file through src/r2's uploadFile, as the extension's upload
// command sends it (create-only, with a content type).
import { basename } from 'node:path';
import { contentType } from 'mime-types';
import { uploadFile } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [filePath, key], signal }) => {
  const { size } = await uploadFile(
    client,
    {
      bucket,
      key,
      filePath,
      contentType: contentType(basename(filePath)) || 'application/octet-stream',
      ifNoneMatch: '*',
    },
    signal,
  );
  return { bytes: size };
});
