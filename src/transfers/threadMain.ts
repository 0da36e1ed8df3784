// The transfer thread: a worker thread of the extension host with a V8 heap of its own, where large
// downloads and uploads run src/r2's downloadFile and uploadFile. The host's main thread carries VS
// Code's own heap; streaming a GiB there cost about 1.8 s of garbage collection. Bundled alone as
// dist/transferThread.js (esbuild.mjs); it reaches the S3 layer through dist/r2.js.
import { parentPort } from 'node:worker_threads';
import { downloadFile, R2Client, uploadFile } from '../r2';
import type { R2ClientOptions } from '../r2';
import { toCrossing } from './protocol';
import type { FromThread, ToThread } from './protocol';

/** Progress goes back at most this often: the operations' reporter throttles further. */
const PROGRESS_EVERY_MS = 100;

type Start = Extract<ToThread, { type: 'start' }>;

const port = parentPort;
if (port === null) {
  throw new Error('threadMain runs as a worker thread.');
}
const send = (message: FromThread) => port.postMessage(message);
const running = new Map<number, AbortController>();

/** Throttles a transfer's progress to one message per PROGRESS_EVERY_MS; `flush` sends what is left. */
function progressSender(id: number) {
  let latest: { bytes: number; total: number | undefined } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (latest !== undefined) {
      send({ type: 'progress', id, ...latest });
      latest = undefined;
    }
  };
  const onProgress = (bytes: number, total: number | undefined) => {
    latest = { bytes, total };
    timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
  };
  return { onProgress, flush };
}

/** Runs one transfer to its outcome: done, or failed with whether the server answered any request of it. */
async function run({ id, transfer, options, observe }: Start, signal: AbortSignal): Promise<FromThread> {
  const clientOptions: R2ClientOptions = {
    ...options,
    onRequest: observe.requests ? (operation) => send({ type: 'request', id, operation }) : undefined,
    onAbortFailed: observe.abortFailures
      ? ({ bucket, key, uploadId, error }) =>
          send({ type: 'abortFailed', id, bucket, key, uploadId, error: toCrossing(error) })
      : undefined,
  };
  const progress = progressSender(id);
  let client: R2Client | undefined;
  try {
    // One client per transfer: built from the account's options of now, so a changed secret or
    // setting applies, and nothing is left to retire. Its connections close with it.
    client = new R2Client(clientOptions);
    if (transfer.kind === 'download') {
      await downloadFile(client, { ...transfer.input, onProgress: progress.onProgress }, signal);
    } else {
      await uploadFile(client, { ...transfer.input, onProgress: progress.onProgress }, signal);
    }
    return { type: 'done', id };
  } catch (error) {
    return { type: 'failed', id, error: toCrossing(error), answered: client?.answered ?? false };
  } finally {
    // The last progress goes before the outcome, which settles the transfer on the other side.
    progress.flush();
    client?.destroy();
  }
}

port.on('message', (message: ToThread) => {
  if (message.type === 'cancel') {
    const reason = message.timeout === undefined ? undefined : new DOMException(message.timeout, 'TimeoutError');
    running.get(message.id)?.abort(reason);
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  void run(message, controller.signal)
    .then(send)
    .finally(() => running.delete(message.id));
});

// Loads the S3 layer now: a thread that cannot is known before any transfer is given to it.
if (typeof R2Client !== 'function') {
  throw new Error('The S3 layer did not load.');
}
send({ type: 'ready' });
