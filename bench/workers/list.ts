// `node list.js <prefix>`: every key of a folder, listed as Download, Delete, Copy, Move and Sync of a
// folder list it (`objectsUnder` → `listWhole`: the whole listing under the prefix, several
// ListObjectsV2 requests in flight on disjoint key ranges, pages in key order). The bench's folder is
// flat (no sub-folders), so this is the same set of keys as the peers' listings of one level. Pages
// are counted and dropped, never accumulated; `pages` is the ListObjectsV2 requests sent.
import { listWhole } from '../../src/r2';
import { runWorker } from './worker';

runWorker(async ({ client, bucket, args: [prefix], signal }) => {
  let keys = 0;
  const listing = listWhole(client, { bucket, prefix }, signal);
  for await (const page of listing) {
    keys += page.length;
  }
  return { keys, pages: listing.requests };
});
