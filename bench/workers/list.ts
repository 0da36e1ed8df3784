// `node list.js <prefix>`: every key of a folder, one ListObjectsV2 page (1000 keys) at a time with
// listPage, as the tree's "Load more…" walks it. Pages are counted and dropped, never accumulated.
import { listPage } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [prefix], signal }) => {
  let keys = 0;
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await listPage(client, { bucket, prefix, token }, signal);
    keys += page.objects.length;
    pages++;
    token = page.nextToken;
  } while (token !== undefined);
  return { keys, pages };
});
