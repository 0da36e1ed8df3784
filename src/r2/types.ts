// Domain types returned by the S3 layer; callers never see SDK shapes.
import type { R2Error, R2ErrorCode } from './errors';

export type Jurisdiction = 'default' | 'eu' | 'fedramp';

export interface R2Bucket {
  name: string;
  creationDate?: Date;
}

export interface R2Object {
  key: string;
  size: number;
  /** Without the surrounding quotes; multipart objects have `md5-of-md5s-N`, not the MD5. */
  etag: string;
  lastModified: Date;
  storageClass?: string;
}

export interface R2ObjectHead extends R2Object {
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  /** User metadata (`x-amz-meta-*`), names lower-cased. */
  metadata: Record<string, string>;
}

export interface ListPage {
  /** Sub-folders of this level, each ending with the delimiter. */
  prefixes: string[];
  objects: R2Object[];
  /** Present when there is another page; pass it back as `token`. */
  nextToken?: string;
}

export interface ObjectLocation {
  bucket: string;
  key: string;
}

export interface ObjectProperties {
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
  /** STANDARD or STANDARD_IA. A write without it stores STANDARD: rewrites pass the old class on. */
  storageClass?: string;
}

/**
 * Atomic write conditions, checked by the server: `ifMatch` writes only over that version (an etag),
 * `ifNoneMatch: '*'` only creates, never overwrites.
 */
export interface WriteConditions {
  ifMatch?: string;
  ifNoneMatch?: '*';
}

/** Called as bytes move; `totalBytes` is undefined when the size is not known up front. */
export type ProgressCallback = (transferredBytes: number, totalBytes: number | undefined) => void;

export interface DeleteFailure {
  key: string;
  code: R2ErrorCode;
  message: string;
}

/** A multipart upload started and never completed or aborted: its parts are stored (and billed). */
export interface IncompleteUpload {
  bucket: string;
  key: string;
  uploadId: string;
  /** When it was started, if the server says. */
  initiated?: Date;
}

/** An upload whose abort failed after the upload itself failed or was cancelled: its parts stay stored. */
export interface AbortFailure {
  bucket: string;
  key: string;
  uploadId: string;
  error: R2Error;
}
