// `node downloadNoFlush.js <key> <file>`: a diagnostic, not something the extension does. The same
// GET as downloadFile streamed into the file, but without downloadFile's flush to disk (and its
// temporary file): the difference between the two is what making the download durable costs.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { getObjectStream } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [key, filePath], signal }) => {
  const { contentLength, body } = await getObjectStream(client, { bucket, key }, signal);
  await pipeline(body, createWriteStream(filePath), { signal });
  return { bytes: contentLength };
});
