// The messages between the extension host's main thread and its transfer thread (transferThread.ts
// and threadMain.ts), and how an error crosses: as data, rebuilt on the other side as the R2Error it
// was, so the operations and src/ui classify it exactly as one thrown in this thread.
import { R2Error } from '../r2';
import type { DownloadFileInput, R2ClientOptions, R2ErrorCode, UploadFileInput } from '../r2';

/** The client options that cross: all but the callbacks, which stay here and hear of messages. */
export type ThreadClientOptions = Omit<R2ClientOptions, 'onRequest' | 'onAbortFailed'>;

/** The transfer's input without its progress callback: progress comes back as messages. */
export type ThreadTransfer =
  | { kind: 'download'; input: Omit<DownloadFileInput, 'onProgress'> }
  | { kind: 'upload'; input: Omit<UploadFileInput, 'onProgress'> };

export type ToThread =
  | {
      type: 'start';
      id: number;
      transfer: ThreadTransfer;
      options: ThreadClientOptions;
      /** Which of the client's callbacks the main thread has: only those are sent back. */
      observe: { requests: boolean; abortFailures: boolean };
    }
  /** The main thread's signal fired; `timeout` is the message of a time limit's reason. */
  | { type: 'cancel'; id: number; timeout?: string };

export type FromThread =
  /** The thread has loaded the S3 layer and takes transfers. */
  | { type: 'ready' }
  | { type: 'progress'; id: number; bytes: number; total: number | undefined }
  | { type: 'request'; id: number; operation: string }
  | { type: 'abortFailed'; id: number; bucket: string; key: string; uploadId: string; error: CrossingError }
  | { type: 'done'; id: number }
  /** `answered`: whether the server answered any of the transfer's requests (see R2Client.answered). */
  | { type: 'failed'; id: number; error: CrossingError; answered: boolean };

/** An error as data. `r2` holds what an R2Error has beyond a message. */
export interface CrossingError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly r2?: { code: R2ErrorCode; status?: number; operation: string; bucket?: string; key?: string };
}

export function toCrossing(error: unknown): CrossingError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error) };
  }
  const { name, message, stack } = error;
  if (!(error instanceof R2Error)) {
    return { name, message, stack };
  }
  const { code, status, operation, bucket, key } = error;
  return { name, message, stack, r2: { code, status, operation, bucket, key } };
}

/** The error as thrown on the other side: an R2Error with the same code, context and message. */
export function fromCrossing(crossing: CrossingError): Error {
  const { r2 } = crossing;
  const error = r2
    ? new R2Error(r2.code, r2, { status: r2.status, message: crossing.message })
    : Object.assign(new Error(crossing.message), { name: crossing.name });
  if (crossing.stack !== undefined) {
    error.stack = crossing.stack;
  }
  return error;
}

/** Client options without functions: the callbacks cannot cross, and are answered from messages. */
export function crossingOptions(options: R2ClientOptions): ThreadClientOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => typeof value !== 'function'),
  ) as unknown as ThreadClientOptions;
}
