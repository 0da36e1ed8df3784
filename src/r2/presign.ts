import { s3 } from './sdk';
import type { R2Client } from './client';
import { R2Error } from './errors';
import { checkKey } from './keys';
import type { ObjectLocation } from './types';

/** R2 and S3 accept presigned URLs valid for 1 second up to 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export interface PresignInput extends ObjectLocation {
  method: 'GET' | 'PUT' | 'HEAD';
  expiresInSeconds: number;
  /** PUT only: the upload must then send exactly this Content-Type. */
  contentType?: string;
}

/** Signs a URL on this machine (no request is made); anyone holding it can use it until it expires. */
export async function presignUrl(client: R2Client, input: PresignInput): Promise<string> {
  const { bucket, key, method, expiresInSeconds, contentType } = input;
  const context = { operation: `Presign${method}`, bucket, key };
  checkKey(key, context);
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_SECONDS) {
    throw new R2Error('InvalidArgument', context, {
      message: `A presigned URL expires after 1 to ${MAX_PRESIGN_SECONDS} seconds (7 days).`,
    });
  }
  if (contentType !== undefined && method !== 'PUT') {
    throw new R2Error('InvalidArgument', context, { message: 'Only a PUT URL can be bound to a Content-Type.' });
  }
  const location = { Bucket: bucket, Key: key };
  switch (method) {
    case 'GET':
      return await client.presign(new (s3().GetObjectCommand)(location), expiresInSeconds, new Set());
    case 'HEAD':
      return await client.presign(new (s3().HeadObjectCommand)(location), expiresInSeconds, new Set());
    case 'PUT':
      // Signing the header (rather than leaving it free) is what binds the URL to the type.
      return await client.presign(
        new (s3().PutObjectCommand)({ ...location, ContentType: contentType }),
        expiresInSeconds,
        new Set(contentType === undefined ? [] : ['content-type']),
      );
  }
}
