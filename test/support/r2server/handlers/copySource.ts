// The `x-amz-copy-source` of CopyObject and UploadPartCopy: `[/]bucket/url-encoded-key[?versionId=…]`.
import { canUseBucket } from '../access';
import { S3Error } from '../errors';
import type { ObjectRecord } from '../store';
import { tryDecode } from '../uri';
import { checkCopySource } from './objectMeta';
import type { HandlerArgs } from './types';

export interface CopySource {
  bucket: string;
  record: ObjectRecord;
}

export function noSuchKey(key: string): S3Error {
  return new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });
}

/** Finds the source object, checking the caller may read its bucket and the copy-source conditions. */
export function resolveCopySource({ ctx, store }: HandlerArgs): CopySource {
  const raw = (ctx.header('x-amz-copy-source') ?? '').replace(/\?.*$/, '').replace(/^\//, '');
  const slash = raw.indexOf('/');
  const bucket = tryDecode(raw.slice(0, slash));
  const key = tryDecode(raw.slice(slash + 1));
  if (slash <= 0 || !bucket || !key) {
    throw new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey.');
  }
  if (!ctx.auth || !canUseBucket(ctx.auth.credential, bucket)) {
    throw new S3Error('AccessDenied', 'Access Denied');
  }
  const record = store.object(bucket, key);
  if (!record) {
    throw noSuchKey(key);
  }
  checkCopySource(record, ctx);
  return { bucket, record };
}
