// Copies and moves bound to the versions they were told about: another client's write between two of
// our requests (the local server's 'write' fault) is refused or kept, never replaced or deleted.
import assert from 'node:assert/strict';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import {
  copyObject,
  getObjectBytes,
  headObject,
  moveObject,
  putObject,
  R2Error,
  streamCopyObject,
} from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, newClient, useBucket } from './helpers';

const MiB = 1024 ** 2;

describe('r2 copies and moves under concurrent writes', () => {
  const bucket = useBucket('r2-copy-races');
  afterEach(() => s3env().local?.clearFaults());

  const read = async (key: string) =>
    (await getObjectBytes(bucket.client, { bucket: bucket.name, key, maxBytes: 16 * MiB }, live)).bytes.toString();
  const exists = (key: string) =>
    headObject(bucket.client, { bucket: bucket.name, key }, live).then(
      () => true,
      () => false,
    );
  const at = (key: string) => ({ bucket: bucket.name, key });
  async function put(key: string, body: string | Buffer) {
    return (await putObject(bucket.client, { bucket: bucket.name, key, body }, live)).etag;
  }

  /** The local server, for the tests that force a race through its faults. */
  function localServer(context: Mocha.Context) {
    const local = s3env().local;
    if (local === undefined) {
      // Another client's write between two requests is injected by the local server only.
      context.skip();
    }
    return local;
  }

  describe('move', () => {
    it('keeps a source rewritten between the copy and the delete (conditional delete)', async function () {
      const local = localServer(this);
      const etag = await put('move/a', 'listed');
      local.inject({
        type: 'write',
        operation: 'DeleteObject',
        bucket: bucket.name,
        key: 'move/a',
        body: 'newer, written after the copy',
      });
      await expectR2Error(
        moveObject(bucket.client, { source: at('move/a'), destination: at('move/a-moved'), sourceIfMatch: etag }, live),
        'SourceChanged',
      );
      assert.equal(await read('move/a'), 'newer, written after the copy', 'the newer version is not deleted');
      assert.equal(await read('move/a-moved'), 'listed');
    });

    it('keeps a source rewritten before the check that precedes the delete (servers without a conditional delete)', async function () {
      const local = localServer(this);
      const etag = await put('move/b', 'listed');
      local.inject({
        type: 'write',
        operation: 'HeadObject',
        bucket: bucket.name,
        key: 'move/b',
        body: 'newer, written after the copy',
      });
      await expectR2Error(
        moveObject(bucket.client, { source: at('move/b'), destination: at('move/b-moved'), sourceIfMatch: etag }, live),
        'SourceChanged',
      );
      assert.equal(await read('move/b'), 'newer, written after the copy');
    });

    it('is done when the source is deleted by another client after the copy', async function () {
      const local = localServer(this);
      const etag = await put('move/c', 'listed');
      local.inject({ type: 'write', operation: 'HeadObject', bucket: bucket.name, key: 'move/c', body: null });
      await moveObject(
        bucket.client,
        { source: at('move/c'), destination: at('move/c-moved'), sourceIfMatch: etag },
        live,
      );
      assert.equal(await read('move/c-moved'), 'listed');
      assert.equal(await exists('move/c'), false);
    });

    it('moves on a server that refuses If-Match on DeleteObject (501) instead of ignoring it', async () => {
      const etag = await put('move/f', 'listed');
      const client = newClient();
      const send = client.send.bind(client);
      client.send = (async (command, context, signal) => {
        if (command instanceof DeleteObjectCommand && command.input.IfMatch !== undefined) {
          throw new R2Error('NotImplemented', context, { status: 501 });
        }
        return await send(command, context, signal);
      }) as typeof client.send;
      try {
        await moveObject(client, { source: at('move/f'), destination: at('move/f-moved'), sourceIfMatch: etag }, live);
      } finally {
        client.destroy();
      }
      assert.equal(await exists('move/f'), false);
      assert.equal(await read('move/f-moved'), 'listed');
    });

    it('without a version named, moves the version found at its start', async () => {
      await put('move/d', 'current');
      await moveObject(bucket.client, { source: at('move/d'), destination: at('move/d-moved') }, live);
      assert.equal(await read('move/d-moved'), 'current');
      assert.equal(await exists('move/d'), false);
    });

    it('creates only, when asked: an existing destination stays, and so does the source', async function () {
      if (s3env().flavour === 'rgw') {
        // RGW 16 ignores destination conditions on CopyObject (R2's cf-copy-destination-*): it copies over.
        this.skip();
      }
      await put('move/e', 'mine');
      await put('move/e-taken', 'theirs');
      const error = await expectR2Error(
        moveObject(
          bucket.client,
          { source: at('move/e'), destination: at('move/e-taken'), destinationIfNoneMatch: '*' },
          live,
        ),
        'AlreadyExists',
      );
      assert.match(error.message, /"move\/e-taken" in bucket "[^"]+" already exists/);
      assert.equal(await read('move/e-taken'), 'theirs');
      assert.equal(await read('move/e'), 'mine');
    });
  });

  describe('copy', () => {
    it('creates only, when asked: a key created at the destination after the check is refused', async function () {
      const local = localServer(this);
      const etag = await put('copy/a', 'mine');
      local.inject({ type: 'write', operation: 'CopyObject', bucket: bucket.name, key: 'copy/a-copy', body: 'theirs' });
      await expectR2Error(
        copyObject(
          bucket.client,
          { source: at('copy/a'), destination: at('copy/a-copy'), sourceIfMatch: etag, destinationIfNoneMatch: '*' },
          live,
        ),
        'AlreadyExists',
      );
      assert.equal(await read('copy/a-copy'), 'theirs');
    });

    it('replaces only the version named: a newer one is refused', async () => {
      await put('copy/b', 'mine');
      const shown = await put('copy/b-copy', 'v1');
      await put('copy/b-copy', 'v2 by someone else');
      await expectR2Error(
        copyObject(
          bucket.client,
          { source: at('copy/b'), destination: at('copy/b-copy'), destinationIfMatch: shown },
          live,
        ),
        'PreconditionFailed',
      );
      assert.equal(await read('copy/b-copy'), 'v2 by someone else');
      await copyObject(
        bucket.client,
        {
          source: at('copy/b'),
          destination: at('copy/b-copy'),
          destinationIfMatch: (await headObject(bucket.client, at('copy/b-copy'), live)).etag,
        },
        live,
      );
      assert.equal(await read('copy/b-copy'), 'mine');
    });

    it('replaces only the version named: a version written just before the copy is refused', async function () {
      const local = localServer(this);
      await put('copy/c', 'mine');
      const shown = await put('copy/c-copy', 'v1');
      local.inject({ type: 'write', operation: 'CopyObject', bucket: bucket.name, key: 'copy/c-copy', body: 'theirs' });
      await expectR2Error(
        copyObject(
          bucket.client,
          { source: at('copy/c'), destination: at('copy/c-copy'), destinationIfMatch: shown },
          live,
        ),
        'PreconditionFailed',
      );
      assert.equal(await read('copy/c-copy'), 'theirs');
    });

    it('names the source, not the destination, when the source is what changed', async function () {
      if (s3env().flavour === 'rgw') {
        // RGW 16 ignores x-amz-copy-source-if-match: known difference (s3-servers.md #1).
        this.skip();
      }
      const listed = await put('copy/d', 'listed');
      await put('copy/d', 'newer');
      const error = await expectR2Error(
        copyObject(
          bucket.client,
          { source: at('copy/d'), destination: at('copy/d-copy'), sourceIfMatch: listed, destinationIfNoneMatch: '*' },
          live,
        ),
        'SourceChanged',
      );
      assert.match(error.message, /^"copy\/d" in bucket/);
      assert.equal(await exists('copy/d-copy'), false);
    });
  });

  describe('streamed copy (between accounts)', () => {
    it('fails at once, ending both requests, when the source connection is cut mid-body', async function () {
      this.timeout(15_000);
      const local = localServer(this);
      await put('stream/big', Buffer.alloc(8 * MiB, 1));
      local.inject({ type: 'cutResponse', operation: 'GetObject', afterBytes: 256 * 1024 });
      const target = newClient();
      try {
        const started = Date.now();
        await expectR2Error(
          streamCopyObject(
            bucket.client,
            target,
            { source: at('stream/big'), destination: at('stream/big-copy') },
            live,
          ),
          'Network',
        );
        // The client's idle timeout is 30 s: a PUT left waiting for the rest of the body would take that long.
        assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
        assert.equal(await exists('stream/big-copy'), false);
      } finally {
        target.destroy();
      }
    });

    it('releases the source connection when the upload is refused before reading the body', async function () {
      this.timeout(15_000);
      await put('stream/refused', Buffer.alloc(8 * MiB, 2));
      // One socket: a GET whose body is never read or destroyed keeps it, and the HEAD after waits.
      const source = newClient({ maxSockets: 1 });
      try {
        // NoSuchBucket from R2 and the local server; RGW 16 answers this streamed PUT with RequestTimeout.
        await assert.rejects(
          streamCopyObject(
            source,
            bucket.client,
            { source: at('stream/refused'), destination: { bucket: `${bucket.name}-missing`, key: 'x' } },
            live,
          ),
        );
        await headObject(source, at('stream/refused'), AbortSignal.timeout(3_000));
      } finally {
        source.destroy();
      }
    });

    it('creates only, when asked', async () => {
      await put('stream/taken', 'theirs');
      await put('stream/mine', 'mine');
      const target = newClient();
      try {
        await expectR2Error(
          streamCopyObject(
            bucket.client,
            target,
            { source: at('stream/mine'), destination: at('stream/taken'), destinationIfNoneMatch: '*' },
            live,
          ),
          'AlreadyExists',
        );
      } finally {
        target.destroy();
      }
      assert.equal(await read('stream/taken'), 'theirs');
    });

    it('copies the bytes and metadata when nothing interferes', async () => {
      await putObject(
        bucket.client,
        {
          bucket: bucket.name,
          key: 'stream/plain',
          body: 'plain',
          contentType: 'text/plain',
          metadata: { kept: 'yes' },
        },
        live,
      );
      const target = newClient();
      try {
        await streamCopyObject(
          bucket.client,
          target,
          { source: at('stream/plain'), destination: at('stream/plain-copy'), destinationIfNoneMatch: '*' },
          live,
        );
      } finally {
        target.destroy();
      }
      const head = await headObject(bucket.client, at('stream/plain-copy'), live);
      assert.equal(head.contentType, 'text/plain');
      assert.deepEqual(head.metadata, { kept: 'yes' });
      assert.equal(await read('stream/plain-copy'), 'plain');
    });
  });
});
