// The operations: the work of the commands (transfers, deletes, copies, folders, properties,
// buckets) with no screen. Each takes its inputs, an AbortSignal, an Asker when a person may have
// to decide, and a Reporter for progress; it returns an Outcome and never shows anything, nor
// touches the view. Commands, the tree and the UI import this file only (a lint rule holds them
// to it); sync and agent tools are to use the same functions.
//
// Failures: a batch's per-item failures are in its outcome; an operation throws only when it could
// do nothing at all (the first request failed, a listing failed), like any single request.
export type { Asker, OverwriteAnswer, OverwriteQuestion, OverwriteSides, SideFacts } from './asker';
export { answering } from './asker';
export type { ChangeListener } from './changes';
export { contentTypeFor, DEFAULT_CONTENT_TYPE } from './contentType';
export { ObjectChanges } from './changes';
export type { Clients } from './clients';
export type { FileTransfers } from './transfers';
export { inThisThread } from './transfers';
export type { AccountBuckets, BucketInput } from './buckets';
export { accountBuckets, createBucket, deleteBucket, emptyAndDeleteBucket } from './buckets';
export type { CopyFolder, CopyInput, ListedObject, RenameInput } from './copy';
export { copyObjects, listFoldersToCopy, renameObject } from './copy';
export type { DeletedObject, DeleteTarget, DeletionPlan } from './delete';
export { deletePlanned, planDeletion, planObjects } from './delete';
export type { Destination } from './destination';
export { describeDestination } from './destination';
export type { DownloadInput, DownloadItem, DownloadSource, PlannedDownload } from './downloads';
export { downloadTo } from './downloads';
export type {
  BucketFind,
  FindInBucketsInput,
  FindKeysInput,
  FindListener,
  FoundInBuckets,
  FoundKeys,
} from './findKeys';
export { findKeys, findKeysInBuckets } from './findKeys';
export type { NewFolderInput } from './folders';
export { createFolder } from './folders';
export type { MoveFolderInput } from './moveFolder';
export { moveFolder } from './moveFolder';
export { abortUploads } from './incompleteUploads';
export type { LocalFile } from './localFiles';
export type { NameTemplate } from './nameTemplate';
export { checkNameTemplate } from './nameTemplate';
export { withPngFile } from './pastedImage';
export type { ChangedPlace, Failure, Outcome, Refusal } from './outcome';
export { isEmpty } from './outcome';
export type { PropertiesInput, PropertyEdit, SystemField } from './properties';
export { updateProperties } from './properties';
export type { Progress, Reporter } from './reporter';
export { silentReporter } from './reporter';
export type { SyncAction, SyncDirection, SyncEntry, SyncInput, SyncOptions, SyncPlan, SyncRule } from './sync/types';
export { planDownload, planUpload } from './sync/plan';
export { applyPlan } from './sync/apply';
export type { ClassedObject, StorageClassName, StorageClassPlan, StorageClassTarget } from './storageClass';
export { changeStorageClass, planStorageClass } from './storageClass';
export type { UploadFilesInput, UploadPathsInput } from './uploads';
export { uploadFiles, uploadPaths } from './uploads';
