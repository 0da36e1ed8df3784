// `node copyObject.js <key> <folder>`: Copy to… of one object into a folder of its bucket, as the
// command runs it (src/operations/copy.ts): over 5 GiB, a multipart copy (UploadPartCopy) on the server.
import { answering, copyObjects, silentReporter } from '../../src/operations';
import { headObject } from '../../src/r2';
import { BENCH_ACCOUNT, clientsOf, runWorker } from './worker';

runWorker(async ({ client, bucket, args: [key, folder], signal }) => {
  // The tree knows the size and ETag from its listing; one HEAD stands in for it.
  const { etag, size } = await headObject(client, { bucket, key }, signal);
  const outcome = await copyObjects(
    {
      clients: clientsOf(client),
      objects: [{ account: BENCH_ACCOUNT, bucket, key, etag, size }],
      destination: { account: BENCH_ACCOUNT, bucket, prefix: folder },
    },
    signal,
    answering('skip'),
    silentReporter,
  );
  if (outcome.done.length !== 1) {
    throw new Error(`the copy failed: ${outcome.failed[0]?.message ?? 'the destination key was taken'}`);
  }
  return { copied: outcome.done.length };
});
