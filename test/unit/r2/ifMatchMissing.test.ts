// A sync replaces only the version it listed (If-Match). When that key was deleted meanwhile, the
// write is refused: R2, the local server and Ceph RGW answer 412 PreconditionFailed (AWS S3 documents
// 404 NoSuchKey); the sync (operations/conflicts.ts) takes either as "the planned version is gone".
import { putObject } from '../../../src/r2';
import { expectR2Error, live, useBucket } from './helpers';

describe('r2: PutObject If-Match on a missing key', () => {
  const bucket = useBucket('if-match-missing');

  it('is refused, never a create', async () => {
    const write = putObject(
      bucket.client,
      { bucket: bucket.name, key: 'never-written', body: 'x', ifMatch: '0123456789abcdef0123456789abcdef' },
      live,
    );
    await expectR2Error(write, 'PreconditionFailed');
  });
});
