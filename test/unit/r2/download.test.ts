// downloadFile, on both of its ways to the server: GETs through the SDK (node:http), and GETs on
// direct connections (R2ClientOptions.directDownloads), which must behave the same in every respect,
// the requests they cost included.
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOWNLOAD_DEFAULTS, downloadFile, headObject, putObject, R2Client, uploadFile } from '../../../src/r2';
import { freePort } from '../../support/freePort';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import { startTlsRelay, withUncheckedCertificates } from '../../support/tlsRelay';
import {
  assertRequests,
  countRequests,
  expectR2Error,
  live,
  newClient,
  sha256File,
  useBucket,
  useTempDir,
  writeRandomFile,
  MiB,
  MULTIPART_SIZE,
  multipart,
  useBigFile,
} from './helpers';

/** Five ranges of the 24 MiB file, three at a time. */
const ranged = { rangeSize: 5 * MiB, streams: 3 };

describe('r2 downloads', () => {
  const bucket = useBucket('r2-download');
  const temp = useTempDir();
  const big = useBigFile(temp);

  for (const direct of [false, true]) {
    describe(direct ? 'downloadFile on direct connections' : 'downloadFile', () => {
      const key = 'download/big.bin';
      /** The bucket's client, or one like it that sends downloads on direct connections. */
      let client: R2Client;

      before(() => {
        client = direct ? newClient({ onRequest: bucket.requests.onRequest, directDownloads: true }) : bucket.client;
      });

      afterEach(() => {
        s3env().local?.clearFaults();
        assert.equal(client.directDownloads, direct, 'downloads stayed on the connections they started on');
      });

      after(() => {
        if (direct) {
          client.destroy();
        }
      });

      before(async () => {
        await uploadFile(bucket.client, { bucket: bucket.name, key, filePath: big.path, ...multipart }, live);
      });

      /** Files in the folder other than the given ones: leftovers such as temporary files. */
      async function strayFiles(dir: string, expected: string[]): Promise<string[]> {
        return (await readdir(dir)).filter((name) => !expected.includes(name));
      }

      /** A new folder for one download, and the file it downloads to. */
      async function newTarget(name: string): Promise<{ dir: string; target: string }> {
        const dir = join(temp.path, direct ? `direct-${name}` : name);
        await mkdir(dir);
        return { dir, target: join(dir, 'out.bin') };
      }

      /** The big object arrived whole: its bytes, progress that never went back up to the end, no other file left. */
      async function assertWhole(dir: string, target: string, progress: number[]): Promise<void> {
        assert.equal(await sha256File(target), big.hash);
        assert.ok(
          progress.every((received, i) => i === 0 || received > progress[i - 1]),
          'progress never goes back',
        );
        assert.equal(progress.at(-1), MULTIPART_SIZE);
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      }

      it('writes the object to the file in one GET, with progress, leaving no temporary file', async () => {
        const { dir, target } = await newTarget('dl-ok');
        const progress: number[] = [];
        countRequests(bucket.requests);
        const head = await downloadFile(
          client,
          { bucket: bucket.name, key, filePath: target, onProgress: (received) => progress.push(received) },
          live,
        );
        assert.equal(head.size, MULTIPART_SIZE);
        assertRequests(bucket.requests, { GetObject: 1 });
        await assertWhole(dir, target, progress);
      });

      it('replaces an existing file only when complete', async () => {
        const { target } = await newTarget('dl-replace');
        await writeFile(target, 'old contents');
        await downloadFile(client, { bucket: bucket.name, key, filePath: target }, live);
        assert.equal(await sha256File(target), big.hash);
      });

      it('leaves an existing target untouched and no temporary file when cancelled midway', async () => {
        const { dir, target } = await newTarget('dl-cancel');
        await writeFile(target, 'keep me');
        const controller = new AbortController();
        const download = downloadFile(
          client,
          {
            bucket: bucket.name,
            key,
            filePath: target,
            onProgress: (received) => {
              if (received > MiB) {
                controller.abort();
              }
            },
          },
          controller.signal,
        );
        await expectR2Error(download, 'Cancelled');
        assert.equal(await readFile(target, 'utf8'), 'keep me');
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      });

      it('resumes a download whose connection dropped midway, fetching only the rest', async function () {
        const local = s3env().local;
        if (local === undefined) {
          this.skip();
        }
        const { dir, target } = await newTarget('dl-resumed');
        const progress: number[] = [];
        local.resetStats();
        local.inject({ type: 'cutResponse', afterBytes: 3 * MiB, operation: 'GetObject' });
        await downloadFile(
          client,
          { bucket: bucket.name, key, filePath: target, onProgress: (received) => progress.push(received) },
          live,
        );
        assert.equal(local.stats().operations.GetObject, 2);
        await assertWhole(dir, target, progress);
      });

      describe('ranges in flight', () => {
        /** The 24 MiB file in 1 MiB ranges: 25 ranges, more than any number of streams. */
        async function peakInFlight(
          this: Mocha.Context,
          name: string,
          delay: { ms: number; times: number | 'always' },
          streams?: number,
        ) {
          const local = s3env().local;
          if (local === undefined) {
            this.skip();
          }
          const { dir, target } = await newTarget(`dl-streams-${name}`);
          const progress: number[] = [];
          local.inject({ type: 'delay', operation: 'GetObject', ...delay });
          local.resetStats();
          const input = { bucket: bucket.name, key, filePath: target, rangeSize: MiB, streams };
          await downloadFile(client, { ...input, onProgress: (received) => progress.push(received) }, live);
          await assertWhole(dir, target, progress);
          assert.equal(local.stats().operations.GetObject, Math.ceil(MULTIPART_SIZE / MiB));
          return local.stats().peakInFlight.GetObject;
        }

        it('keeps more ranges in flight once the first answers show a far server', async function () {
          const peak = await peakInFlight.call(this, 'far', { ms: 60, times: 'always' });
          assert.ok(peak > DOWNLOAD_DEFAULTS.streams && peak <= DOWNLOAD_DEFAULTS.farStreams, `${peak} in flight`);
        });

        it('keeps the near number when only one answer was slow', async function () {
          const peak = await peakInFlight.call(this, 'near', { ms: 60, times: 1 });
          assert.ok(peak <= DOWNLOAD_DEFAULTS.streams, `${peak} in flight`);
        });

        it('keeps the number of streams it was given, however far the server', async function () {
          const peak = await peakInFlight.call(this, 'given', { ms: 60, times: 'always' }, 3);
          assert.ok(peak <= 3, `${peak} in flight`);
        });
      });

      it('leaves neither target nor temporary file when the connection keeps dropping', async function () {
        const local = s3env().local;
        if (local === undefined) {
          this.skip();
        }
        const fewAttempts = newClient({ maxAttempts: 2, directDownloads: direct });
        try {
          const { dir } = await newTarget('dl-cut');
          local.inject({ type: 'cutResponse', afterBytes: 3 * MiB, operation: 'GetObject', times: 'always' });
          await expectR2Error(
            downloadFile(fewAttempts, { bucket: bucket.name, key, filePath: join(dir, 'out.bin') }, live),
            'Network',
          );
          assert.equal(fewAttempts.directDownloads, direct);
          assert.deepEqual(await readdir(dir), []);
        } finally {
          fewAttempts.destroy();
        }
      });

      it("gives up on a range whose GET keeps failing after the SDK's attempts, not that many squared", async function () {
        const local = s3env().local;
        if (local === undefined) {
          this.skip();
        }
        const fewAttempts = newClient({ maxAttempts: 2, directDownloads: direct });
        try {
          const { dir } = await newTarget('dl-503');
          local.resetStats();
          let injected = false;
          // Once the first range is flowing, every later GET fails.
          const onProgress = () => {
            if (!injected) {
              injected = true;
              local.inject({ type: 'error', status: 503, operation: 'GetObject', times: 'always' });
            }
          };
          await expectR2Error(
            downloadFile(
              fewAttempts,
              { bucket: bucket.name, key, filePath: join(dir, 'out.bin'), rangeSize: 5 * MiB, streams: 1, onProgress },
              live,
            ),
            'Throttled',
          );
          assert.equal(local.stats().operations.GetObject, 1 + 2);
          assert.equal(fewAttempts.directDownloads, direct);
          assert.deepEqual(await readdir(dir), []);
        } finally {
          fewAttempts.destroy();
        }
      });

      it('downloads a large object in parallel ranges: exact bytes, progress to the end, one GET per range', async () => {
        const { dir, target } = await newTarget('dl-ranges');
        const progress: number[] = [];
        countRequests(bucket.requests);
        const head = await downloadFile(
          client,
          {
            bucket: bucket.name,
            key,
            filePath: target,
            ...ranged,
            onProgress: (received, total) => {
              assert.equal(total, MULTIPART_SIZE);
              progress.push(received);
            },
          },
          live,
        );
        assert.equal(head.size, MULTIPART_SIZE);
        assertRequests(bucket.requests, { GetObject: 5 });
        await assertWhole(dir, target, progress);
      });

      it('leaves an existing target untouched and no temporary file when a ranged download is cancelled', async () => {
        const { dir, target } = await newTarget('dl-ranges-cancel');
        await writeFile(target, 'keep me');
        const controller = new AbortController();
        const download = downloadFile(
          client,
          {
            bucket: bucket.name,
            key,
            filePath: target,
            ...ranged,
            onProgress: (received) => {
              if (received > 6 * MiB) {
                controller.abort();
              }
            },
          },
          controller.signal,
        );
        await expectR2Error(download, 'Cancelled');
        assert.equal(await readFile(target, 'utf8'), 'keep me');
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      });

      it('fails with PreconditionFailed, keeping nothing, when the object is replaced mid-download', async () => {
        const { name } = bucket;
        const replacedKey = 'download/replaced.bin';
        await uploadFile(client, { bucket: name, key: replacedKey, filePath: big.path, ...multipart }, live);
        const { dir, target } = await newTarget('dl-replaced');
        await writeFile(target, 'keep me');
        // Locally, every range waits a little, so the replacement lands before the later ranges are asked
        // for; elsewhere it has the time of 20 MiB of download to land.
        s3env().local?.inject({ type: 'delay', ms: 100, operation: 'GetObject', times: 'always' });
        let replacement: Promise<unknown> | undefined;
        const download = downloadFile(
          client,
          {
            bucket: name,
            key: replacedKey,
            filePath: target,
            rangeSize: 5 * MiB,
            streams: 1,
            onProgress: () => {
              replacement ??= putObject(client, { bucket: name, key: replacedKey, body: 'a new version' }, live);
            },
          },
          live,
        );
        await expectR2Error(download, 'PreconditionFailed');
        await replacement;
        assert.equal(await readFile(target, 'utf8'), 'keep me');
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      });

      it('downloads in ranges over TLS, each stream keeping its connection', async function () {
        const local = s3env().local;
        if (local === undefined) {
          this.skip();
        }
        const relay = await startTlsRelay(local.port);
        const overTls = new R2Client({
          endpoint: { kind: 'custom', url: relay.endpoint },
          credentials: s3env().credentials,
          directDownloads: direct,
          onRequest: bucket.requests.onRequest,
        });
        try {
          const { dir, target } = await newTarget('dl-tls');
          const progress: number[] = [];
          countRequests(bucket.requests);
          await withUncheckedCertificates(() =>
            downloadFile(
              overTls,
              {
                bucket: bucket.name,
                key,
                filePath: target,
                ...ranged,
                onProgress: (received) => progress.push(received),
              },
              live,
            ),
          );
          assertRequests(bucket.requests, { GetObject: 5 });
          await assertWhole(dir, target, progress);
          assert.equal(overTls.directDownloads, direct);
          assert.ok(
            relay.connections <= ranged.streams,
            `${relay.connections} connections for ${ranged.streams} streams`,
          );
        } finally {
          overTls.destroy();
          await relay.close();
        }
      });

      it('downloads an empty object', async () => {
        const { name } = bucket;
        await putObject(client, { bucket: name, key: 'download/empty', body: '' }, live);
        const { dir, target } = await newTarget('dl-empty');
        const head = await downloadFile(client, { bucket: name, key: 'download/empty', filePath: target }, live);
        assert.equal(head.size, 0);
        assert.equal((await readFile(target)).length, 0);
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      });

      it('refuses bad range settings as InvalidArgument before any request', async () => {
        countRequests(bucket.requests);
        const input = { bucket: bucket.name, key, filePath: join(temp.path, 'never') };
        await expectR2Error(downloadFile(client, { ...input, rangeSize: MiB - 1 }, live), 'InvalidArgument');
        await expectR2Error(downloadFile(client, { ...input, streams: 0 }, live), 'InvalidArgument');
        assertRequests(bucket.requests, {});
      });

      it('downloads only the expected version (If-Match), leaving the target alone otherwise', async () => {
        const { dir, target } = await newTarget('dl-match');
        await writeFile(target, 'mine');
        await expectR2Error(
          downloadFile(client, { bucket: bucket.name, key, filePath: target, ifMatch: '0'.repeat(32) }, live),
          'PreconditionFailed',
        );
        assert.equal(await readFile(target, 'utf8'), 'mine');
        const { etag } = await headObject(client, { bucket: bucket.name, key }, live);
        await downloadFile(client, { bucket: bucket.name, key, filePath: target, ifMatch: etag }, live);
        assert.equal(await sha256File(target), big.hash);
        assert.deepEqual(await strayFiles(dir, ['out.bin']), []);
      });

      it('fails with NoSuchKey for a missing object and FileSystem for a missing folder, leaving nothing', async () => {
        const { dir } = await newTarget('dl-missing');
        await expectR2Error(
          downloadFile(client, { bucket: bucket.name, key: 'absent', filePath: join(dir, 'x') }, live),
          'NoSuchKey',
        );
        await expectR2Error(
          downloadFile(client, { bucket: bucket.name, key, filePath: join(dir, 'no', 'such', 'dir') }, live),
          'FileSystem',
        );
        assert.deepEqual(await readdir(dir), []);
      });
    });
  }

  describe('direct connections falling back to node:http', () => {
    const key = 'fallback/object.bin';
    const requests = new RequestCounter();
    let client: R2Client;
    let hash: string;

    before(async () => {
      const source = join(temp.path, 'fallback-source.bin');
      await writeRandomFile(source, 3 * MiB + 5);
      hash = await sha256File(source);
      await uploadFile(bucket.client, { bucket: bucket.name, key, filePath: source }, live);
    });

    beforeEach(() => {
      client = newClient({ onRequest: requests.onRequest, directDownloads: true });
    });

    afterEach(() => {
      client.destroy();
      s3env().local?.clearFaults();
    });

    /** Downloads the object on `client` into a new file and checks its bytes. */
    async function downloadWhole(name: string): Promise<void> {
      const filePath = join(temp.path, name);
      await downloadFile(client, { bucket: bucket.name, key, filePath }, live);
      assert.equal(await sha256File(filePath), hash);
    }

    it('knows whether the server answered any of its requests: a refused connection is no answer, a 404 is', async () => {
      const nowhere = newClient({
        endpoint: { kind: 'custom', url: `http://127.0.0.1:${await freePort()}` },
        directDownloads: true,
        maxAttempts: 1,
      });
      try {
        const filePath = join(temp.path, 'nowhere.bin');
        await expectR2Error(downloadFile(nowhere, { bucket: bucket.name, key, filePath }, live), 'Network');
        assert.equal(nowhere.answered, false);
      } finally {
        nowhere.destroy();
      }
      assert.equal(client.answered, false);
      await expectR2Error(headObject(client, { bucket: bucket.name, key: 'absent' }, live), 'NoSuchKey');
      assert.equal(client.answered, true);
    });

    it('sends every GET through node:http once a direct connection cannot be made', async function () {
      const local = s3env().local;
      if (local === undefined) {
        this.skip();
      }
      // A keep-alive connection of node:http's, made while the server still took new ones.
      await headObject(client, { bucket: bucket.name, key }, live);
      const takeConnectionsAgain = local.refuseNewConnections();
      try {
        countRequests(requests);
        await downloadWhole('refused.bin');
        assert.equal(client.directDownloads, false);
        // The refused connection sent nothing: one GET, node:http's.
        assertRequests(requests, { GetObject: 1 });
      } finally {
        takeConnectionsAgain();
      }
      countRequests(requests);
      await downloadWhole('after.bin');
      assertRequests(requests, { GetObject: 1 });
      assert.equal(client.directDownloads, false, 'direct connections stay off for this client');
    });

    it('sends the GET again through node:http when the answer comes chunked, and every GET after it', async function () {
      const local = s3env().local;
      if (local === undefined) {
        this.skip();
      }
      // Only the first answer: the SDK's way reads a chunked body, but downloadFile then has no length to check.
      local.inject({ type: 'chunked', operation: 'GetObject' });
      countRequests(requests);
      await downloadWhole('chunked.bin');
      assert.equal(client.directDownloads, false);
      assertRequests(requests, { GetObject: 2 });
      countRequests(requests);
      await downloadWhole('chunked-after.bin');
      assertRequests(requests, { GetObject: 1 });
    });
  });
});
