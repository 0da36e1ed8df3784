// Every operation the server answers, named as the SDK command (without "Command"), with its R2
// billing class and the permission it needs.

export type OperationClass = 'A' | 'B' | 'free';

interface OperationInfo {
  /** R2 pricing class (developers.cloudflare.com/r2/pricing). */
  billing: OperationClass;
  /** Needs an admin key (not one scoped to buckets). */
  admin: boolean;
  /** Refused to read-only keys. */
  write: boolean;
}

const op = (billing: OperationClass, admin: boolean, write: boolean): OperationInfo => ({ billing, admin, write });

export const OPERATIONS = {
  ListBuckets: op('A', true, false),
  CreateBucket: op('A', true, true),
  DeleteBucket: op('free', true, true),
  HeadBucket: op('B', false, false),
  GetBucketLocation: op('B', false, false),
  GetBucketCors: op('B', true, false),
  PutBucketCors: op('A', true, true),
  // R2's price list does not name the two configuration deletes; counted as class A, like the puts.
  DeleteBucketCors: op('A', true, true),
  GetBucketLifecycleConfiguration: op('B', true, false),
  PutBucketLifecycleConfiguration: op('A', true, true),
  DeleteBucketLifecycle: op('A', true, true),
  ListObjects: op('A', false, false),
  ListObjectsV2: op('A', false, false),
  ListMultipartUploads: op('A', false, false),
  HeadObject: op('B', false, false),
  GetObject: op('B', false, false),
  PutObject: op('A', false, true),
  CopyObject: op('A', false, true),
  DeleteObject: op('free', false, true),
  // Read-only keys get a per-key AccessDenied in the result instead, as S3 reports denied keys.
  DeleteObjects: op('free', false, false),
  CreateMultipartUpload: op('A', false, true),
  UploadPart: op('A', false, true),
  UploadPartCopy: op('A', false, true),
  CompleteMultipartUpload: op('A', false, true),
  AbortMultipartUpload: op('free', false, true),
  ListParts: op('A', false, false),
} satisfies Record<string, OperationInfo>;

export type Operation = keyof typeof OPERATIONS;

/** Name under which requests the server cannot route (unsupported subresources, methods) are counted. */
export const UNSUPPORTED = 'Unsupported';
