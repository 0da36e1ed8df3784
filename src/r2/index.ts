// The S3 layer: the only code that talks to R2. No `vscode` here; every network call takes an AbortSignal.
export type { CorsRule, LifecycleRule } from './bucketConfig';
export {
  deleteBucketCors,
  deleteBucketLifecycle,
  getBucketCors,
  getBucketLifecycle,
  putBucketCors,
  putBucketLifecycle,
} from './bucketConfig';
export type { CreateBucketInput, LocationHint } from './buckets';
export { bucketNameProblem, createBucket, deleteBucket, headBucket, listBuckets, LOCATION_HINTS } from './buckets';
export type { R2ClientOptions, R2Credentials } from './client';
export { CLIENT_DEFAULTS, R2Client } from './client';
export type { CopyObjectInput, CopyResult, MovePrefixInput, UpdateMetadataInput } from './copy';
export { copyObject, deleteMovedSource, moveObject, movePrefix, streamCopyObject, updateMetadata } from './copy';
export { DEADLINE_MS } from './deadline';
export type { DeleteManyResult, DeletePrefixInput, DeletePrefixResult } from './deletion';
export { deleteObjects, deletePrefix } from './deletion';
export type { DownloadFileInput } from './download';
export { DOWNLOAD_DEFAULTS, downloadFile } from './download';
export type { EndpointConfig, EndpointWarning, ResolvedEndpoint } from './endpoint';
export { isLoopbackEndpoint, isValidAccountId, resolveEndpoint } from './endpoint';
export type { ErrorContext, R2ErrorCode } from './errors';
export { classifyError, isR2Error, isTransient, R2Error } from './errors';
export type { ListIncompleteUploadsInput } from './incompleteUploads';
export { abortIncompleteUpload, listIncompleteUploads } from './incompleteUploads';
export {
  baseName,
  childPrefix,
  compareKeys,
  folderPrefix,
  isFolderKey,
  isValidKey,
  parentPrefix,
  rebaseKey,
} from './keys';
export type { ListPageInput } from './listing';
export { listPage, MAX_PAGE_SIZE } from './listing';
export { MAX_OBJECT_BYTES } from './multipart';
export type { PartCopyOptions } from './multipartCopy';
export type { ByteRange, GetObjectInput, ObjectStream, PutObjectInput } from './objects';
export {
  deleteObject,
  getObjectBytes,
  getObjectStream,
  headIfExists,
  headObject,
  MAX_SINGLE_PUT_BYTES,
  objectExists,
  putObject,
} from './objects';
export { runConcurrently } from './pool';
export type { PresignInput } from './presign';
export { MAX_PRESIGN_SECONDS, presignUrl } from './presign';
export type { UploadFileInput } from './transfer';
export { fileMd5, objectMatchesFile, UPLOAD_DEFAULTS, uploadFile } from './transfer';
export type * from './types';
export type { WholeListing, WholeListingInput } from './wholeListing';
export { listWhole, WHOLE_LISTING_CONCURRENCY } from './wholeListing';
