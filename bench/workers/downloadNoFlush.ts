// `node downloadNoFlush.js <key> <file>`: a diagnostic, not something the extension does. One GET
// streamed into the file, without downloadFile's ranges in parallel, flush to disk and temporary file:
// the plainest download the SDK allows, as a floor for what those cost or save.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { getObjectStream } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [key, filePath], signal }) => {
  const { contentLength, body } = await getObjectStream(client, { bucket, key }, signal);
  await pipeline(body, createWriteStream(filePath), { signal });
  return { bytes: contentLength };
});
