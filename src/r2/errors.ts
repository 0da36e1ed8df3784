// One error type for everything the S3 layer throws. Errors are classified here, once, from the SDK's
// error name, HTTP status and Node error codes; never from message text (RGW even sends none).
import { DeadlineExceeded, isTimeoutReason } from './deadline';

export type R2ErrorCode =
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'NoSuchUpload'
  /** The bucket has no CORS or lifecycle configuration. */
  | 'NoSuchConfiguration'
  | 'AccessDenied'
  /** Unknown access key or wrong secret (InvalidAccessKeyId, SignatureDoesNotMatch). */
  | 'InvalidCredentials'
  | 'PreconditionFailed'
  /** A create-only write (`If-None-Match: *`) found the key taken. */
  | 'AlreadyExists'
  /** A copy or move found its source no longer the version it was told to copy. */
  | 'SourceChanged'
  | 'NotModified'
  | 'BucketNotEmpty'
  | 'BucketAlreadyExists'
  | 'InvalidBucketName'
  | 'InvalidKey'
  | 'InvalidArgument'
  | 'EntityTooLarge'
  | 'InvalidRange'
  | 'ClockSkew'
  | 'Throttled'
  | 'NotImplemented'
  | 'ServerError'
  | 'Network'
  | 'Timeout'
  | 'Cancelled'
  /** A local file could not be read or written during a transfer. */
  | 'FileSystem'
  /** A local file changed (size or time) while it was being uploaded. */
  | 'FileChanged'
  /**
   * A download refused its local path before writing: a symbolic link below the chosen folder, a
   * way out of it, or a file name the disk cannot hold.
   */
  | 'LocalPathRefused'
  | 'Unknown';

/** What was being attempted: it makes messages specific and resolves bodiless HEAD errors. */
export interface ErrorContext {
  operation: string;
  bucket?: string;
  key?: string;
  /** The local file of a transfer, named in messages about it. */
  filePath?: string;
}

export class R2Error extends Error {
  override readonly name = 'R2Error';
  readonly code: R2ErrorCode;
  readonly status?: number;
  readonly operation: string;
  readonly bucket?: string;
  readonly key?: string;

  constructor(
    code: R2ErrorCode,
    context: ErrorContext,
    options: { status?: number; cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? describe(code, context), { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.operation = context.operation;
    this.bucket = context.bucket;
    this.key = context.key;
  }
}

export function isR2Error(err: unknown, code?: R2ErrorCode): err is R2Error {
  return err instanceof R2Error && (code === undefined || err.code === code);
}

/** Codes worth another attempt: the same request may succeed a moment later. */
export function isTransient(code: R2ErrorCode): boolean {
  return code === 'ServerError' || code === 'Throttled' || code === 'Network' || code === 'Timeout';
}

const S3_CODES: Readonly<Record<string, R2ErrorCode>> = {
  NoSuchBucket: 'NoSuchBucket',
  NoSuchKey: 'NoSuchKey',
  NoSuchUpload: 'NoSuchUpload',
  NoSuchCORSConfiguration: 'NoSuchConfiguration',
  NoSuchLifecycleConfiguration: 'NoSuchConfiguration',
  AccessDenied: 'AccessDenied',
  AllAccessDisabled: 'AccessDenied',
  InvalidAccessKeyId: 'InvalidCredentials',
  SignatureDoesNotMatch: 'InvalidCredentials',
  PreconditionFailed: 'PreconditionFailed',
  NotModified: 'NotModified',
  BucketNotEmpty: 'BucketNotEmpty',
  BucketAlreadyExists: 'BucketAlreadyExists',
  BucketAlreadyOwnedByYou: 'BucketAlreadyExists',
  InvalidBucketName: 'InvalidBucketName',
  KeyTooLongError: 'InvalidKey',
  InvalidArgument: 'InvalidArgument',
  InvalidRequest: 'InvalidArgument',
  InvalidPart: 'InvalidArgument',
  InvalidPartOrder: 'InvalidArgument',
  EntityTooSmall: 'InvalidArgument',
  MalformedXML: 'InvalidArgument',
  InvalidLocationConstraint: 'InvalidArgument',
  EntityTooLarge: 'EntityTooLarge',
  InvalidRange: 'InvalidRange',
  RequestTimeTooSkewed: 'ClockSkew',
  SlowDown: 'Throttled',
  Throttling: 'Throttled',
  TooManyRequests: 'Throttled',
  NotImplemented: 'NotImplemented',
  InternalError: 'ServerError',
  ServiceUnavailable: 'ServerError',
  RequestTimeout: 'Timeout',
  TimeoutError: 'Timeout',
  AbortError: 'Cancelled',
};

const NODE_CODES: Readonly<Record<string, R2ErrorCode>> = {
  ETIMEDOUT: 'Timeout',
  ESOCKETTIMEDOUT: 'Timeout',
  ECONNREFUSED: 'Network',
  ECONNRESET: 'Network',
  ECONNABORTED: 'Network',
  EPIPE: 'Network',
  ENOTFOUND: 'Network',
  EAI_AGAIN: 'Network',
  EHOSTUNREACH: 'Network',
  ENETUNREACH: 'Network',
  EPROTO: 'Network',
  ERR_STREAM_PREMATURE_CLOSE: 'Network',
  ABORT_ERR: 'Cancelled',
  ENOENT: 'FileSystem',
  EACCES: 'FileSystem',
  EPERM: 'FileSystem',
  EISDIR: 'FileSystem',
  ENOTDIR: 'FileSystem',
  ENOSPC: 'FileSystem',
  EEXIST: 'FileSystem',
  EROFS: 'FileSystem',
  EMFILE: 'FileSystem',
  ENAMETOOLONG: 'FileSystem',
  ELOOP: 'FileSystem',
};

/** Maps an S3 error code (e.g. a per-key DeleteObjects error) to ours. */
export function codeFromS3(s3Code: string | undefined, status?: number, context?: ErrorContext): R2ErrorCode {
  return (s3Code !== undefined ? S3_CODES[s3Code] : undefined) ?? codeFromStatus(status, context);
}

// HEAD responses carry no body, so the status (and what was asked for) is all there is.
function codeFromStatus(status: number | undefined, context: ErrorContext | undefined): R2ErrorCode {
  if (status === undefined) {
    return 'Unknown';
  }
  if (status === 404) {
    return context?.key === undefined ? 'NoSuchBucket' : 'NoSuchKey';
  }
  const byStatus: Record<number, R2ErrorCode> = {
    304: 'NotModified',
    400: 'InvalidArgument',
    401: 'InvalidCredentials',
    403: 'AccessDenied',
    412: 'PreconditionFailed',
    416: 'InvalidRange',
    429: 'Throttled',
    501: 'NotImplemented',
    503: 'Throttled',
  };
  return byStatus[status] ?? (status >= 500 ? 'ServerError' : 'Unknown');
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function nodeCode(err: ErrorShape): string | undefined {
  if (typeof err.code === 'string') {
    return err.code;
  }
  // Node's happy-eyeballs connect wraps one error per address in an AggregateError.
  const first: unknown = Array.isArray(err.errors) ? err.errors[0] : undefined;
  return typeof first === 'object' && first !== null ? nodeCode(first as ErrorShape) : undefined;
}

/** A deadline that fired; its text names the deadline's length when the reason carries it. */
function timedOut(context: ErrorContext, reason: DOMException, cause: unknown): R2Error {
  const seconds = reason instanceof DeadlineExceeded ? Math.round(reason.seconds * 10) / 10 : undefined;
  const message =
    seconds === undefined
      ? undefined
      : `The server did not respond within ${seconds} second${seconds === 1 ? '' : 's'}.`;
  return new R2Error('Timeout', context, { cause, message });
}

/**
 * Turns anything thrown by the SDK, Node or a stream into an R2Error. If `signal` has fired, the
 * error is the signal's whatever its shape (aborting surfaces as resets and premature closes too):
 * a Timeout when its reason is a deadline's, otherwise a cancellation.
 */
export function classifyError(err: unknown, context: ErrorContext, signal?: AbortSignal): R2Error {
  if (err instanceof R2Error) {
    return err;
  }
  if (signal?.aborted) {
    return isTimeoutReason(signal.reason)
      ? timedOut(context, signal.reason, err)
      : new R2Error('Cancelled', context, { cause: err });
  }
  const shape: ErrorShape = typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
  const rawStatus = shape.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const name = typeof shape.name === 'string' ? shape.name : undefined;
  const fromNode = nodeCode(shape);
  // The abort error of a signal not passed here (the SDK's, Node's) keeps the reason as its cause.
  const reason = isTimeoutReason(err)
    ? err
    : (name === 'AbortError' || fromNode === 'ABORT_ERR') && isTimeoutReason(shape.cause)
      ? shape.cause
      : undefined;
  if (reason !== undefined) {
    return timedOut(context, reason, err);
  }
  const code =
    (name !== undefined ? S3_CODES[name] : undefined) ??
    (fromNode !== undefined ? NODE_CODES[fromNode] : undefined) ??
    codeFromStatus(status, context);
  return new R2Error(code, context, { status, cause: err });
}

/**
 * A 412 to a create-only write (`If-None-Match: *`) means the key is taken, not that an object
 * changed: callers making such a request pass its refusal through here.
 */
export function createOnlyRefusal(err: unknown, conditions: { ifNoneMatch?: string }): unknown {
  if (conditions.ifNoneMatch !== '*' || !isR2Error(err, 'PreconditionFailed')) {
    return err;
  }
  return new R2Error(
    'AlreadyExists',
    { operation: err.operation, bucket: err.bucket, key: err.key },
    { status: err.status, cause: err },
  );
}

function describeTarget(context: ErrorContext): string {
  if (context.key !== undefined) {
    return `"${context.key}" in bucket "${context.bucket ?? ''}"`;
  }
  return context.bucket !== undefined ? `bucket "${context.bucket}"` : 'the account';
}

const DESCRIPTIONS: Record<R2ErrorCode, (context: ErrorContext) => string> = {
  NoSuchBucket: (c) => `Bucket "${c.bucket ?? ''}" does not exist.`,
  NoSuchKey: (c) => `Object ${describeTarget(c)} does not exist.`,
  NoSuchUpload: () => 'The multipart upload no longer exists.',
  NoSuchConfiguration: (c) => `${describeTarget(c)} has no such configuration.`,
  AccessDenied: (c) => `Access denied to ${describeTarget(c)}.`,
  InvalidCredentials: () => 'The access key ID or secret access key is not valid.',
  PreconditionFailed: (c) => `${describeTarget(c)} changed on the server (precondition failed).`,
  AlreadyExists: (c) => `${describeTarget(c)} already exists.`,
  SourceChanged: (c) =>
    `${describeTarget(c)} changed on the server since it was listed, so it was not copied. Refresh and try again.`,
  NotModified: (c) => `${describeTarget(c)} has not changed.`,
  BucketNotEmpty: (c) => `Bucket "${c.bucket ?? ''}" is not empty.`,
  BucketAlreadyExists: (c) => `Bucket "${c.bucket ?? ''}" already exists.`,
  InvalidBucketName: (c) => `"${c.bucket ?? ''}" is not a valid bucket name.`,
  InvalidKey: () => 'Object keys must be 1 to 1024 bytes of UTF-8.',
  InvalidArgument: (c) => `The server rejected the ${c.operation} request as invalid.`,
  EntityTooLarge: (c) => `${describeTarget(c)} is too large.`,
  InvalidRange: (c) => `The requested range of ${describeTarget(c)} is not satisfiable.`,
  ClockSkew: () => "The computer's clock differs too much from the server's.",
  Throttled: () => 'The server is busy (too many requests). Try again shortly.',
  NotImplemented: (c) => `The server does not support ${c.operation}.`,
  ServerError: (c) => `The server failed during ${c.operation}.`,
  Network: () => 'Could not reach the server.',
  Timeout: () => 'The server did not respond in time.',
  Cancelled: () => 'Cancelled.',
  FileSystem: () => 'A local file could not be read or written.',
  LocalPathRefused: (c) => `${describeTarget(c)} was not downloaded: its local path is not safe to write.`,
  FileChanged: (c) =>
    `${c.filePath ?? 'The file'} changed while it was uploaded to ${describeTarget(c)}: nothing was written, and what the key held before is untouched. Upload it again once the file is complete.`,
  Unknown: (c) => `${c.operation} failed.`,
};

function describe(code: R2ErrorCode, context: ErrorContext): string {
  const text = DESCRIPTIONS[code](context);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
