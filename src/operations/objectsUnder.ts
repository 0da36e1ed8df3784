import { listPage } from '../r2';
import type { R2Client, R2Object } from '../r2';

/** Every object under a prefix, one ListObjectsV2 page at a time: never the whole listing at once. */
export async function* objectsUnder(
  client: R2Client,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
): AsyncGenerator<R2Object[]> {
  let token: string | undefined;
  do {
    const page = await listPage(client, { bucket, prefix, delimiter: '', token }, signal);
    yield page.objects;
    token = page.nextToken;
  } while (token !== undefined);
}
