// `node downloadFile.js <key> <file>`: one object through src/r2's downloadFile.
import { downloadFile } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [key, filePath], signal }) => {
  const head = await downloadFile(client, { bucket, key, filePath }, signal);
  return { bytes: head.size };
});
