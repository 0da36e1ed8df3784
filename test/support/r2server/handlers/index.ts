import type { Operation } from '../operations';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './buckets';
import {
  deleteBucketCors,
  deleteBucketLifecycle,
  getBucketCors,
  getBucketLifecycle,
  putBucketCors,
  putBucketLifecycle,
} from './config';
import { listObjects, listObjectsV2 } from './listing';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  uploadPartCopy,
} from './multipart';
import { copyObject, deleteObject, deleteObjects, getObject, headObject, putObject } from './objects';
import type { Handler } from './types';

export { isValidBucketName } from './buckets';
export type { Handler, HandlerArgs } from './types';

export const HANDLERS: Record<Operation, Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  DeleteBucket: deleteBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketCors: getBucketCors,
  PutBucketCors: putBucketCors,
  DeleteBucketCors: deleteBucketCors,
  GetBucketLifecycleConfiguration: getBucketLifecycle,
  PutBucketLifecycleConfiguration: putBucketLifecycle,
  DeleteBucketLifecycle: deleteBucketLifecycle,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListMultipartUploads: listMultipartUploads,
  HeadObject: headObject,
  GetObject: getObject,
  PutObject: putObject,
  CopyObject: copyObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
};
