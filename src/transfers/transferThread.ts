// The extension host's side of its transfer thread (threadMain.ts): large files move there, small
// ones here, where a thread message would cost more than the file.
import { Worker } from 'node:worker_threads';
import type { Account } from '../accounts/account';
import { inThisThread } from '../operations';
import type { FileTransfers } from '../operations';
import { DOWNLOAD_DEFAULTS, isR2Error, resolveEndpoint, UPLOAD_DEFAULTS } from '../r2';
import type { AbortFailure, R2Client, R2ClientOptions } from '../r2';
import { crossingOptions, fromCrossing } from './protocol';
import type { FromThread, ThreadTransfer, ToThread } from './protocol';

/** Where the thread says why it was not used, or stopped (the extension's log). */
export interface ThreadLog {
  warn(message: string): void;
}

export interface TransferThreadOptions {
  /** The thread's script: dist/transferThread.js in the extension. */
  readonly script: string;
  readonly log: ThreadLog;
  /** The young generation of the thread's heap (see YOUNG_GENERATION_MB). */
  readonly youngGenerationMb?: number;
}

/**
 * Streaming garbage is short-lived: a larger young generation means fewer scavenges. 16, 32, 64 and
 * 128 MB moved 512 MiB up and down in the same time and CPU within the noise of a loaded machine
 * (load 9–15, 3 rounds); 32 MB is kept, a bound on what the thread's young objects may hold.
 */
const YOUNG_GENERATION_MB = 32;

/**
 * The size above which a file goes to the thread: a download of more than one range, an upload in
 * parts. Below it a transfer is a request or two, and the thread's messages would cost more. (Read
 * when asked: the S3 layer is not loaded at activation.)
 */
export function threadAbove(kind: ThreadTransfer['kind']): number {
  return kind === 'download' ? DOWNLOAD_DEFAULTS.rangeSize : UPLOAD_DEFAULTS.multipartThreshold;
}

interface Running {
  readonly onProgress?: (bytes: number, total: number | undefined) => void;
  readonly options: R2ClientOptions;
  /** `answered`: whether the server answered any request of the transfer in the thread. */
  readonly settle: (error?: Error, answered?: boolean) => void;
}

/**
 * A transfer the thread could not connect for: it failed to reach the server without an answer to
 * any request. VS Code proxies the main thread's connections, never a worker thread's; where the
 * system's settings or a PAC file name a proxy (which src/accounts/directDownloads.ts cannot see),
 * only the main thread gets through.
 */
class Unreached extends Error {}

/**
 * One worker thread per extension host, started on the first large transfer, unref'd (it keeps
 * nothing alive) and ended on dispose. Each transfer's client is built in the thread from the
 * account's options of the moment. If the thread cannot start, transfers run in this thread and the
 * log says why.
 */
export class TransferThread {
  #worker: Promise<Worker> | undefined;
  #nextId = 0;
  /** Transfers handed to the thread so far: how a test sees where one ran. */
  #handed = 0;
  readonly #running = new Map<number, Running>();
  /** Endpoints (host:port) the thread could not connect to: their transfers stay in the main thread. */
  readonly #unreachable = new Set<string>();

  constructor(private readonly settings: TransferThreadOptions) {}

  get handed(): number {
    return this.#handed;
  }

  /** The account's file transfers: large ones in the thread, built from `options`; the rest with `client`. */
  transfers(client: R2Client, options: () => Promise<R2ClientOptions>): FileTransfers {
    const here = inThisThread(client);
    const inThread = (kind: ThreadTransfer['kind'], size: number) => size > threadAbove(kind);
    return {
      download: (input, size, signal) =>
        inThread('download', size)
          ? this.#run({ kind: 'download', input: withoutProgress(input) }, input.onProgress, options, signal, () =>
              here.download(input, size, signal),
            )
          : here.download(input, size, signal),
      upload: (input, size, signal) =>
        inThread('upload', size)
          ? this.#run({ kind: 'upload', input: withoutProgress(input) }, input.onProgress, options, signal, () =>
              here.upload(input, size, signal),
            )
          : here.upload(input, size, signal),
    };
  }

  /** For the ClientPool: the transfers of an account. */
  forAccount(options: (account: Account) => Promise<R2ClientOptions>) {
    return (account: Account, client: R2Client) => this.transfers(client, () => options(account));
  }

  async #run(
    transfer: ThreadTransfer,
    onProgress: Running['onProgress'],
    options: () => Promise<R2ClientOptions>,
    signal: AbortSignal,
    inMainThread: () => Promise<void>,
  ): Promise<void> {
    const clientOptions = await options();
    const endpoint = new URL(resolveEndpoint(clientOptions.endpoint).url).host;
    // VS Code sends the main thread's requests through the user's proxy, never a worker thread's. The
    // account's client may connect directly exactly where no proxy applies to its endpoint
    // (src/accounts/directDownloads.ts); elsewhere its transfers stay here, proxied.
    if (clientOptions.directDownloads !== true || this.#unreachable.has(endpoint)) {
      return inMainThread();
    }
    let worker: Worker;
    try {
      worker = await this.#started();
    } catch (error) {
      this.settings.log.warn(`Transfer thread not started, transferring in the main thread: ${String(error)}`);
      return inMainThread();
    }
    try {
      await this.#handOver(worker, transfer, onProgress, clientOptions, signal);
    } catch (error) {
      if (!(error instanceof Unreached)) {
        throw error;
      }
      this.#unreachable.add(endpoint);
      this.settings.log.warn(
        `The transfer thread could not connect to ${endpoint} (${error.message}): transfers to it run in the main thread from now on, through VS Code's proxy support.`,
      );
      return inMainThread();
    }
  }

  /** Runs the transfer in the thread; one that could not connect fails as Unreached. */
  async #handOver(
    worker: Worker,
    transfer: ThreadTransfer,
    onProgress: Running['onProgress'],
    clientOptions: R2ClientOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const id = this.#nextId++;
    const cancel = () => {
      const { reason } = signal;
      const timeout = reason instanceof DOMException && reason.name === 'TimeoutError' ? reason.message : undefined;
      worker.postMessage({ type: 'cancel', id, timeout } satisfies ToThread);
    };
    try {
      await new Promise<void>((resolve, reject) => {
        this.#running.set(id, {
          onProgress,
          options: clientOptions,
          settle: (error, answered = true) => {
            if (error === undefined) {
              resolve();
            } else {
              // A time limit of this side's signal is no sign of an unreachable endpoint.
              const unreached =
                !answered && !signal.aborted && (isR2Error(error, 'Network') || isR2Error(error, 'Timeout'));
              reject(unreached ? new Unreached(error.message, { cause: error }) : error);
            }
          },
        });
        // The secret crosses here, to a thread of this same process: it is in this process's memory
        // already (read from SecretStorage into the main thread's client), is never written out or
        // logged, and the thread keeps it only in the client of this one transfer.
        worker.postMessage({
          type: 'start',
          id,
          transfer,
          options: crossingOptions(clientOptions),
          observe: {
            requests: clientOptions.onRequest !== undefined,
            abortFailures: clientOptions.onAbortFailed !== undefined,
          },
        } satisfies ToThread);
        this.#handed++;
        if (signal.aborted) {
          cancel();
        } else {
          signal.addEventListener('abort', cancel, { once: true });
        }
      });
    } finally {
      signal.removeEventListener('abort', cancel);
      this.#running.delete(id);
    }
  }

  /** The thread, started on first use; one that failed to start or stopped is started anew next time. */
  #started(): Promise<Worker> {
    if (this.#worker === undefined) {
      const starting = this.#start();
      this.#worker = starting;
      starting.catch(() => this.#forget(starting));
    }
    return this.#worker;
  }

  #forget(worker: Promise<Worker>): void {
    if (this.#worker === worker) {
      this.#worker = undefined;
    }
  }

  #start(): Promise<Worker> {
    const worker = new Worker(this.settings.script, {
      resourceLimits: { maxYoungGenerationSizeMb: this.settings.youngGenerationMb ?? YOUNG_GENERATION_MB },
    });
    worker.unref();
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: FromThread) => {
        if (message.type === 'ready') {
          ready = true;
          resolve(worker);
        } else {
          this.#heard(message);
        }
      });
      const stopped = (why: string) => {
        reject(new Error(`The transfer thread ${why}.`));
        if (ready) {
          ready = false;
          this.#stopped(why);
        }
      };
      worker.on('error', (error) => stopped(`failed: ${String(error)}`));
      worker.on('exit', (code) => stopped(`exited with code ${code}`));
    });
  }

  #heard(message: Exclude<FromThread, { type: 'ready' }>): void {
    const running = this.#running.get(message.id);
    switch (message.type) {
      case 'progress':
        running?.onProgress?.(message.bytes, message.total);
        break;
      case 'request':
        running?.options.onRequest?.(message.operation);
        break;
      case 'abortFailed': {
        const { bucket, key, uploadId } = message;
        const error = fromCrossing(message.error) as AbortFailure['error'];
        running?.options.onAbortFailed?.({ bucket, key, uploadId, error });
        break;
      }
      case 'done':
        running?.settle();
        break;
      case 'failed':
        running?.settle(fromCrossing(message.error), message.answered);
        break;
    }
  }

  /** The thread stopped: the transfers it ran fail, and the next large one starts a new thread. */
  #stopped(why: string): void {
    this.#worker = undefined;
    this.settings.log.warn(`Transfer thread ${why}`);
    for (const running of this.#running.values()) {
      running.settle(new Error(`The transfer thread ${why}.`));
    }
  }

  dispose(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    void worker?.then(
      (started) => started.removeAllListeners().terminate(),
      () => undefined,
    );
  }
}

/** The input as it crosses: the progress callback stays here and hears the thread's messages. */
function withoutProgress<T extends { onProgress?: unknown }>(input: T): Omit<T, 'onProgress'> {
  return { ...input, onProgress: undefined };
}
