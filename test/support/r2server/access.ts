// Token permissions as R2 models them: admin keys see the whole account; object keys are limited to
// named buckets (AccessDenied on ListBuckets and on any other bucket); read-only keys cannot write.
import { S3Error } from './errors';
import type { Operation } from './operations';
import { OPERATIONS } from './operations';
import type { R2Credential } from './sigv4';

export function canUseBucket(credential: R2Credential, bucket: string): boolean {
  return credential.buckets === undefined || credential.buckets.includes(bucket);
}

export function authorize(credential: R2Credential, operation: Operation, bucket: string | undefined): void {
  const info = OPERATIONS[operation];
  const denied =
    (info.admin && credential.buckets !== undefined) ||
    (info.write && credential.readOnly === true) ||
    (bucket !== undefined && !canUseBucket(credential, bucket));
  if (denied) {
    throw new S3Error('AccessDenied', 'Access Denied');
  }
}
