// Maps a path-style request (`/bucket/key?subresource`) to an operation.
import type { IncomingHttpHeaders } from 'node:http';
import { S3Error } from './errors';
import type { Operation } from './operations';
import type { QueryParam } from './uri';
import { tryDecode } from './uri';

export interface Route {
  operation: Operation;
  bucket?: string;
  key?: string;
}

const MAX_KEY_BYTES = 1024;

/** S3 subresources R2 does not implement: answered 501 rather than mistaken for a plain GET or PUT. */
const UNSUPPORTED_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
  'versioning',
  'versions',
  'website',
];

function byMethod(method: string, choices: Partial<Record<string, Operation>>, what: string): Operation {
  const found = Object.hasOwn(choices, method) ? choices[method] : undefined;
  if (!found) {
    throw new S3Error(
      'MethodNotAllowed',
      `The specified method is not allowed against this resource (${method} on ${what}).`,
    );
  }
  return found;
}

function bucketOperation(method: string, has: (name: string) => boolean): Operation {
  if (has('cors')) {
    return byMethod(method, { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' }, '?cors');
  }
  if (has('lifecycle')) {
    return byMethod(
      method,
      {
        GET: 'GetBucketLifecycleConfiguration',
        PUT: 'PutBucketLifecycleConfiguration',
        DELETE: 'DeleteBucketLifecycle',
      },
      '?lifecycle',
    );
  }
  if (has('location')) {
    return byMethod(method, { GET: 'GetBucketLocation' }, '?location');
  }
  if (has('uploads')) {
    return byMethod(method, { GET: 'ListMultipartUploads' }, '?uploads');
  }
  if (has('delete')) {
    return byMethod(method, { POST: 'DeleteObjects' }, '?delete');
  }
  return byMethod(
    method,
    {
      GET: has('list-type') ? 'ListObjectsV2' : 'ListObjects',
      PUT: 'CreateBucket',
      HEAD: 'HeadBucket',
      DELETE: 'DeleteBucket',
    },
    'a bucket',
  );
}

function objectOperation(method: string, has: (name: string) => boolean, headers: IncomingHttpHeaders): Operation {
  const copy = headers['x-amz-copy-source'] !== undefined;
  if (has('uploadId')) {
    return byMethod(
      method,
      {
        PUT: copy ? 'UploadPartCopy' : 'UploadPart',
        POST: 'CompleteMultipartUpload',
        DELETE: 'AbortMultipartUpload',
        GET: 'ListParts',
      },
      'a multipart upload',
    );
  }
  if (has('uploads')) {
    return byMethod(method, { POST: 'CreateMultipartUpload' }, '?uploads');
  }
  return byMethod(
    method,
    { PUT: copy ? 'CopyObject' : 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' },
    'an object',
  );
}

export function resolveRoute(
  method: string,
  rawPath: string,
  query: QueryParam[],
  headers: IncomingHttpHeaders,
): Route {
  const has = (name: string): boolean => query.some((p) => p.name === name);
  const unsupported = UNSUPPORTED_SUBRESOURCES.find(has);
  if (unsupported) {
    throw new S3Error('NotImplemented', `The "${unsupported}" subresource is not implemented by R2.`);
  }
  const path = rawPath.slice(1);
  if (path === '') {
    return { operation: byMethod(method, { GET: 'ListBuckets' }, 'the service') };
  }
  const slash = path.indexOf('/');
  const bucket = tryDecode(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : tryDecode(path.slice(slash + 1));
  if (bucket === undefined || key === undefined) {
    throw new S3Error('InvalidURI', 'Could not parse the specified URI.');
  }
  if (key === '') {
    return { operation: bucketOperation(method, has), bucket };
  }
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new S3Error('KeyTooLongError', 'Your key is too long.', { MaxSizeAllowed: String(MAX_KEY_BYTES) });
  }
  return { operation: objectOperation(method, has, headers), bucket, key };
}
