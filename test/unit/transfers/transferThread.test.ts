// The transfer thread against the local server: large files move in a worker thread with its own
// client, and what comes back (progress, requests, errors, cancellation) is what the same transfer
// in this thread gives.
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import {
  abortIncompleteUpload,
  headObject,
  isR2Error,
  listIncompleteUploads,
  putObject,
  R2Error,
  UPLOAD_DEFAULTS,
} from '../../../src/r2';
import type { AbortFailure, R2Client, R2ClientOptions } from '../../../src/r2';
import { inThisThread } from '../../../src/operations';
import type { FileTransfers } from '../../../src/operations';
import { crossingOptions, fromCrossing, toCrossing } from '../../../src/transfers/protocol';
import { threadAbove, TransferThread } from '../../../src/transfers/transferThread';
import { freePort } from '../../support/freePort';
import { RequestCounter } from '../../support/requestCounter';
import { s3env } from '../../support/s3env';
import {
  expectR2Error,
  live,
  newClient,
  openUploads,
  sha256File,
  useBucket,
  useTempDir,
  writeRandomFile,
} from '../r2/helpers';

const MiB = 1024 * 1024;
/** The compiled thread script next to this test's compiled source. */
const SCRIPT = join(__dirname, '..', '..', '..', 'src', 'transfers', 'threadMain.js');

describe('transfer thread: protocol', () => {
  it('an R2Error crosses with its code, status, context and message, and is an R2Error again', () => {
    const original = new R2Error(
      'PreconditionFailed',
      { operation: 'DownloadFile', bucket: 'b', key: 'k' },
      { status: 412 },
    );
    const crossed = fromCrossing(structuredClone(toCrossing(original)));
    assert.ok(isR2Error(crossed, 'PreconditionFailed'));
    assert.deepEqual(
      [crossed.status, crossed.operation, crossed.bucket, crossed.key, crossed.message, crossed.stack],
      [412, 'DownloadFile', 'b', 'k', original.message, original.stack],
    );
  });

  it('any other error crosses with its name and message, and is no R2Error', () => {
    const crossed = fromCrossing(structuredClone(toCrossing(new TypeError('not a function'))));
    assert.ok(!isR2Error(crossed));
    assert.deepEqual([crossed.name, crossed.message], ['TypeError', 'not a function']);
  });

  it('client options cross without their callbacks, and options it does not know cross as they are', () => {
    const options = {
      endpoint: { kind: 'custom', url: 'http://127.0.0.1:1' },
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      idleTimeoutMs: 5000,
      directDownloads: true,
      onRequest: () => undefined,
      onAbortFailed: () => undefined,
    } as R2ClientOptions;
    assert.deepEqual(structuredClone(crossingOptions(options)), {
      endpoint: { kind: 'custom', url: 'http://127.0.0.1:1' },
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      idleTimeoutMs: 5000,
      directDownloads: true,
    });
  });
});

describe('transfer thread', function () {
  this.timeout(120_000);
  const bucket = useBucket('transfer-thread');
  const temp = useTempDir();
  const warnings: string[] = [];
  const log = { warn: (message: string) => warnings.push(message) };
  const requests = new RequestCounter();
  const options = (): R2ClientOptions => ({
    endpoint: { kind: 'custom', url: s3env().endpoint },
    credentials: s3env().credentials,
    onRequest: requests.onRequest,
    // No proxy applies to the endpoint (src/accounts/directDownloads.ts).
    directDownloads: true,
  });
  const thread = new TransferThread({ script: SCRIPT, log });
  let client: R2Client;
  let transfers: FileTransfers;
  const uploadSize = threadAbove('upload') + 3 * MiB + 17;
  /** Above one range: a download this large goes to the thread. */
  const downloadSize = threadAbove('download') + 1;
  const downloadKey = 'ranged.bin';
  let upload: string;

  before(async () => {
    client = newClient();
    transfers = thread.transfers(client, async () => options());
    upload = join(temp.path, 'up.bin');
    await writeRandomFile(upload, uploadSize);
    const body = Buffer.alloc(downloadSize, 7);
    await putObject(bucket.client, { bucket: bucket.name, key: downloadKey, body }, live);
  });
  afterEach(() => s3env().local?.clearFaults());
  after(() => {
    thread.dispose();
    client.destroy();
  });

  /** Cancels an upload once its multipart upload exists (its parts held by a delay); it fails as Cancelled. */
  async function cancelOnceOpen(uploading: Promise<void>, controller: AbortController): Promise<void> {
    while ((await openUploads(bucket.name)).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    await expectR2Error(uploading, 'Cancelled');
  }

  it('uploads and downloads a large file in the thread: same bytes, progress to the end, requests counted here', async () => {
    const handed = thread.handed;
    const sent: number[] = [];
    requests.reset();
    await transfers.upload(
      { bucket: bucket.name, key: 'big.bin', filePath: upload, onProgress: (bytes) => sent.push(bytes) },
      uploadSize,
      live,
    );
    assert.equal(sent.at(-1), uploadSize);
    // The default parts; the counts come from the thread's client, through messages.
    assert.deepEqual(requests.operations, {
      CreateMultipartUpload: 1,
      UploadPart: Math.ceil(uploadSize / UPLOAD_DEFAULTS.partSize),
      CompleteMultipartUpload: 1,
    });
    const target = join(temp.path, 'down.bin');
    const received: number[] = [];
    await transfers.download(
      { bucket: bucket.name, key: downloadKey, filePath: target, onProgress: (bytes) => received.push(bytes) },
      downloadSize,
      live,
    );
    assert.ok((await readFile(target)).equals(Buffer.alloc(downloadSize, 7)));
    assert.equal(received.at(-1), downloadSize);
    assert.equal(thread.handed, handed + 2);
  });

  it('a failure in the thread is the R2Error the same transfer gives in this thread', async () => {
    const input = { bucket: bucket.name, key: 'missing.bin', filePath: join(temp.path, 'missing.bin') };
    const handed = thread.handed;
    const there = await expectR2Error(transfers.download(input, downloadSize, live), 'NoSuchKey');
    const here = await expectR2Error(inThisThread(client).download(input, downloadSize, live), 'NoSuchKey');
    assert.equal(thread.handed, handed + 1);
    assert.ok(there instanceof R2Error && here instanceof R2Error);
    assert.deepEqual(
      [there.message, there.status, there.operation, there.bucket, there.key],
      [here.message, here.status, here.operation, here.bucket, here.key],
    );
  });

  it('Cancel aborts the transfer inside the thread: the multipart upload is aborted, no object is left', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    // Parts are held until the client leaves: only the cancel can end the upload.
    local.inject({ type: 'delay', operation: 'UploadPart', ms: 600_000, times: 'always' });
    const controller = new AbortController();
    const key = 'cancelled.bin';
    await cancelOnceOpen(
      transfers.upload({ bucket: bucket.name, key, filePath: upload }, uploadSize, controller.signal),
      controller,
    );
    assert.deepEqual(await openUploads(bucket.name), []);
    await expectR2Error(headObject(bucket.client, { bucket: bucket.name, key }, live), 'NoSuchKey');
  });

  it('a multipart upload the thread could not abort is told to the main thread, with its R2Error', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    const failures: AbortFailure[] = [];
    const told = thread.transfers(client, async () => ({ ...options(), onAbortFailed: (f) => failures.push(f) }));
    local.inject({ type: 'delay', operation: 'UploadPart', ms: 600_000, times: 'always' });
    local.inject({ type: 'error', status: 500, operation: 'AbortMultipartUpload', times: 'always' });
    const controller = new AbortController();
    const key = 'left-behind.bin';
    await cancelOnceOpen(
      told.upload({ bucket: bucket.name, key, filePath: upload }, uploadSize, controller.signal),
      controller,
    );
    local.clearFaults();
    const [left] = await listIncompleteUploads(bucket.client, { bucket: bucket.name }, live);
    await abortIncompleteUpload(bucket.client, left, live);
    assert.deepEqual(
      failures.map(({ bucket: name, key: failedKey, uploadId, error }) => [
        name,
        failedKey,
        uploadId,
        isR2Error(error, 'ServerError'),
      ]),
      [[bucket.name, key, left.uploadId, true]],
    );
  });

  it('Cancel of a download removes its partial file', async function () {
    const local = s3env().local;
    if (local === undefined) {
      this.skip();
    }
    const folder = join(temp.path, 'cancelled-download');
    await rm(folder, { recursive: true, force: true });
    const controller = new AbortController();
    const done = transfers.download(
      {
        bucket: bucket.name,
        key: downloadKey,
        filePath: join(folder, downloadKey),
        root: temp.path,
        onProgress: () => controller.abort(),
      },
      downloadSize,
      controller.signal,
    );
    await expectR2Error(done, 'Cancelled');
    assert.deepEqual(await readdir(folder), []);
  });

  it('files of one range stay in this thread (here: the object the thread uploaded, byte for byte)', async () => {
    const handed = thread.handed;
    const target = join(temp.path, 'one-range.bin');
    await transfers.download({ bucket: bucket.name, key: 'big.bin', filePath: target }, uploadSize, live);
    assert.equal(thread.handed, handed);
    assert.equal(await sha256File(target), await sha256File(upload));
  });

  it('an account whose endpoint a proxy applies to transfers in this thread, which VS Code proxies', async () => {
    const handed = thread.handed;
    const proxied = thread.transfers(client, async () => ({ ...options(), directDownloads: false }));
    const target = join(temp.path, 'proxied.bin');
    await proxied.download({ bucket: bucket.name, key: downloadKey, filePath: target }, downloadSize, live);
    await proxied.upload({ bucket: bucket.name, key: 'proxied.bin', filePath: upload }, uploadSize, live);
    assert.equal(thread.handed, handed);
    assert.ok((await readFile(target)).equals(Buffer.alloc(downloadSize, 7)));
  });

  it('an endpoint the thread cannot connect to moves the transfer here, and the next ones start here', async () => {
    // As behind a proxy only VS Code's connections follow (the system's settings, a PAC file): the
    // thread's own connections are refused, this thread's client (here: straight to the server) works.
    const unreachable = new TransferThread({ script: SCRIPT, log });
    const refused = { ...options(), endpoint: { kind: 'custom', url: `http://127.0.0.1:${await freePort()}` } };
    const blocked = unreachable.transfers(client, async () => ({ ...refused, maxAttempts: 2 }) as R2ClientOptions);
    try {
      const first = join(temp.path, 'unreached-1.bin');
      await blocked.download({ bucket: bucket.name, key: downloadKey, filePath: first }, downloadSize, live);
      assert.ok((await readFile(first)).equals(Buffer.alloc(downloadSize, 7)));
      assert.equal(unreachable.handed, 1);
      assert.match(warnings.at(-1) ?? '', /^The transfer thread could not connect to 127\.0\.0\.1:\d+ \(.+\)/);
      await blocked.upload({ bucket: bucket.name, key: 'unreached.bin', filePath: upload }, uploadSize, live);
      assert.equal(unreachable.handed, 1);
      assert.equal(
        (await headObject(bucket.client, { bucket: bucket.name, key: 'unreached.bin' }, live)).size,
        uploadSize,
      );
    } finally {
      unreachable.dispose();
    }
  });

  it('a transfer this side timed out is no unreachable endpoint: the next one goes to the thread again', async () => {
    // A server that takes connections and never answers: the thread's GET waits until this side's time limit.
    const held = new Set<Socket>();
    const silent = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const waiting = new TransferThread({ script: SCRIPT, log });
    const slow = waiting.transfers(client, async () => ({
      ...options(),
      endpoint: { kind: 'custom', url: `http://127.0.0.1:${port}` },
    }));
    try {
      for (const attempt of [1, 2]) {
        const filePath = join(temp.path, `silent-${attempt}.bin`);
        await expectR2Error(
          slow.download({ bucket: bucket.name, key: downloadKey, filePath }, downloadSize, AbortSignal.timeout(300)),
          'Timeout',
        );
        assert.equal(waiting.handed, attempt);
      }
    } finally {
      waiting.dispose();
      held.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a thread that cannot start leaves the transfer to this thread, and says why in the log', async () => {
    const broken = new TransferThread({ script: join(temp.path, 'no-such-script.js'), log });
    try {
      const target = join(temp.path, 'fallback.bin');
      await broken
        .transfers(client, async () => options())
        .download({ bucket: bucket.name, key: downloadKey, filePath: target }, downloadSize, live);
      assert.ok((await readFile(target)).equals(Buffer.alloc(downloadSize, 7)));
      assert.equal(broken.handed, 0);
      assert.match(
        warnings.at(-1) ?? '',
        /^Transfer thread not started, transferring in the main thread: .*no-such-script/,
      );
    } finally {
      broken.dispose();
    }
  });
});
