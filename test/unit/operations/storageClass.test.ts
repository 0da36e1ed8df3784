// Changing storage class in place through the operations' entry, on the local server: the class
// changes, the metadata and content type stay, and an object changed since the listing is kept.
import assert from 'node:assert/strict';
import { changeStorageClass, planStorageClass, silentReporter } from '../../../src/operations';
import { headObject, putObject } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { serverAccount } from '../commands/helpers';
import { assertRequests, countRequests, live, useBucket } from '../r2/helpers';

describe('operations changeStorageClass', () => {
  const bucket = useBucket('op-storage-class');
  afterEach(() => s3env().local?.clearFaults());
  const clients = () => ({ get: async () => bucket.client });
  const head = (key: string) => headObject(bucket.client, { bucket: bucket.name, key }, live);
  const properties = {
    contentType: 'text/html; charset=utf-8',
    cacheControl: 'max-age=60',
    contentDisposition: 'inline',
    metadata: { owner: 'ops', 'source-md5': 'abc' },
  };

  it('moves a folder and an object to Infrequent Access and back, keeping metadata and content type', async () => {
    for (const key of ['site/index.html', 'site/css/a.css', 'site/already.txt', 'loose.txt']) {
      await putObject(
        bucket.client,
        {
          bucket: bucket.name,
          key,
          body: key,
          ...properties,
          storageClass: key.includes('already') ? 'STANDARD_IA' : undefined,
        },
        live,
      );
    }
    const loose = await head('loose.txt');
    const targets = [
      { kind: 'folder' as const, account: serverAccount(), bucket: bucket.name, prefix: 'site/' },
      { kind: 'object' as const, account: serverAccount(), bucket: bucket.name, ...loose },
      // Selected twice (by itself and in its folder): changed once.
      { kind: 'object' as const, account: serverAccount(), bucket: bucket.name, ...(await head('site/index.html')) },
    ];
    countRequests(bucket.requests);
    const plan = await planStorageClass(clients(), targets, 'STANDARD_IA', live);
    assert.deepEqual(plan.objects.map((object) => object.key).sort(), [
      'loose.txt',
      'site/css/a.css',
      'site/index.html',
    ]);
    assert.equal(plan.already, 1);
    assert.equal(plan.bytes, 'loose.txt'.length + 'site/css/a.css'.length + 'site/index.html'.length);
    const outcome = await changeStorageClass(clients(), plan, live, silentReporter);
    // One listing, then one CopyObject per object: nothing else.
    assertRequests(bucket.requests, { ListObjectsV2: 1, CopyObject: 3 });
    assert.equal(outcome.done.length, 3);
    assert.deepEqual(outcome.failed, []);
    for (const key of ['site/index.html', 'site/css/a.css', 'loose.txt']) {
      const changed = await head(key);
      assert.equal(changed.storageClass, 'STANDARD_IA', key);
      assert.equal(changed.contentType, properties.contentType);
      assert.equal(changed.cacheControl, properties.cacheControl);
      assert.equal(changed.contentDisposition, properties.contentDisposition);
      assert.deepEqual(changed.metadata, properties.metadata);
      assert.equal(changed.size, key.length);
    }
    assert.deepEqual(outcome.changed.map((place) => place.prefix).sort(), ['', 'site/', 'site/css/']);

    const back = await planStorageClass(clients(), targets.slice(0, 1), 'STANDARD', live);
    assert.equal(back.objects.length, 3);
    await changeStorageClass(clients(), back, live, silentReporter);
    assert.equal((await head('site/already.txt')).storageClass, undefined, 'STANDARD is not sent back as a header');
    assert.deepEqual((await head('site/already.txt')).metadata, properties.metadata);
  });

  it('keeps an object rewritten after the listing, and reports it as changed on the server', async () => {
    const local = s3env().local;
    assert.ok(local, 'faults need the local server');
    await putObject(bucket.client, { bucket: bucket.name, key: 'race/a.txt', body: 'listed' }, live);
    const plan = await planStorageClass(
      clients(),
      [{ kind: 'folder', account: serverAccount(), bucket: bucket.name, prefix: 'race/' }],
      'STANDARD_IA',
      live,
    );
    local.inject({ type: 'write', operation: 'CopyObject', bucket: bucket.name, key: 'race/a.txt', body: 'newer' });
    const outcome = await changeStorageClass(clients(), plan, live, silentReporter);
    assert.deepEqual(
      outcome.failed.map((failure) => failure.code),
      ['SourceChanged'],
    );
    const kept = await head('race/a.txt');
    assert.equal(kept.size, 'newer'.length);
    assert.equal(kept.storageClass, undefined);
  });
});
