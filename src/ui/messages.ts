// Every sentence the user reads, in one place: consistent wording, easy to review.
export const messages = {
  addAccountAction: 'Add Account',
  removeAction: 'Remove',
  showLogAction: 'Show Log',
  accountIdOrEndpointPrompt:
    'Cloudflare account ID, the R2 endpoint URL from the API token page, or any S3-compatible endpoint URL',
  accountIdOrEndpointPlaceholder:
    'e.g. 0123456789abcdef0123456789abcdef or https://<ACCOUNT_ID>.r2.cloudflarestorage.com',
  accountIdOrEndpointInvalid: 'Enter a 32-character hexadecimal account ID or an http(s):// endpoint URL.',
  jurisdictionPlaceholder: 'Jurisdiction of the buckets this token reaches',
  accessKeyIdPrompt: 'Access key ID of the R2 API token',
  secretAccessKeyPrompt: "Secret access key of the R2 API token (stored in VS Code's secret storage only)",
  displayNamePrompt: 'A name for this account in the R2 view',
  required: 'A value is required.',
  accountAdded: (name: string) => `Added R2 account "${name}".`,
  confirmRemoveAccount: (name: string) =>
    `Remove the R2 account "${name}"? Its secret access key is deleted from VS Code's secret storage. Nothing in R2 changes.`,
  commandFailed: (detail: string) => `R2: ${detail}`,
  fixAction: 'Fix…',
  retryAction: 'Retry',
  editAccountAction: 'Edit Account',
  checkingAccount: (where: string) => `Checking the credentials with ${where}…`,
  noAccounts: 'No R2 account is configured yet.',
  bucketNamePrompt: 'Bucket name',
  bucketPlaceholder: (account: string) => `Bucket in ${account}`,
  typeBucketName: '$(edit) Enter a bucket name…',
  bucketAdded: (bucket: string, account: string) => `Added bucket "${bucket}" to ${account}.`,
  renamePrompt: 'New name for this account in the R2 view',
  filterPrompt: (where: string) => `Show only keys in ${where} that start with…`,
  filterPlaceholder: 'e.g. 2024- or logs/app',
  keyPrompt: (bucket: string) => `Key in bucket "${bucket}" to reveal`,
  keyNotFound: (key: string, bucket: string) => `There is no object or folder "${key}" in bucket "${bucket}".`,
  publicUrlPrompt: (bucket: string) =>
    `Public base URL of bucket "${bucket}" (its r2.dev URL or a custom domain); leave empty to remove`,
  publicUrlInvalid: 'Enter an https:// URL (or nothing to remove it).',
  publicUrlSet: (bucket: string, url: string) => `Public URL of "${bucket}" set to ${url}.`,
  publicUrlRemoved: (bucket: string) => `Public URL of "${bucket}" removed.`,
  noAwsProfiles: (files: string) => `No AWS profile with an access key was found in ${files}.`,
  unencryptedEndpoint: (name: string, host: string) =>
    `"${name}" reaches ${host} over plain http: its secret access key signs requests sent unencrypted, which anyone on the network can read, with your data. Use an https:// endpoint unless you trust every network in between.`,
  notEncrypted: 'not encrypted',
  sandboxAccount: 'sandbox',
  sandboxTooltip:
    'Set up by the sandbox (npm start) for its local R2 server, through the R2_SANDBOX_ACCOUNT environment variable.',
  unencryptedTooltip:
    'Plain http to another machine: the secret access key signs requests sent unencrypted, which anyone on the network can read, with your data.',
  awsProfileNeedsAccount: (profile: string) =>
    `Profile "${profile}" has no endpoint_url: enter the Cloudflare account ID or endpoint for it`,
  destinationHere: '$(check) Upload here',
  destinationNewFolder: '$(new-folder) New folder…',
  destinationCopyHere: '$(check) Copy here',
  destinationElsewhere: '$(folder-opened) Choose another destination…',
  destinationPlaceholder: (where: string) => `Destination: ${where}`,
  newFolderPrompt: (where: string) => `Name of the new folder in ${where}`,
  folderNameSlash: 'A folder name cannot contain "/". Create one level at a time.',
  retryFailedAction: 'Retry Failed',
  overwriteAction: 'Overwrite',
  skipAction: 'Skip',
  overwriteAllAction: 'Overwrite All',
  skipAllAction: 'Skip All',
  copyUrlAction: 'Copy URL',
  revealAction: 'Reveal in R2',
  activeFileUnsaved: (name: string) =>
    `"${name}" has unsaved changes. Save them and upload, or upload the version saved on disk?`,
  saveAndUploadAction: 'Save and Upload',
  uploadSavedVersionAction: 'Upload Saved Version',
  alreadyExists: (name: string, where: string) => `"${name}" already exists in ${where}. Overwrite it?`,
  localFileSide: 'Local file',
  r2Side: 'In R2',
  overwriteSide: (side: string, size: string, modified?: string) =>
    `${side}: ${size}${modified ? `, modified ${modified}` : ''}`,
  changedSinceAsked: (name: string, where: string) =>
    `"${name}" in ${where} was changed by someone else after you chose to overwrite it. Overwrite the new version?`,
  transferSummary: (verb: string, counts: { done: number; skipped: number; failed: number; notDone: number }) =>
    [
      `${counts.done.toLocaleString('en')} ${verb}`,
      counts.skipped ? `${counts.skipped.toLocaleString('en')} skipped` : undefined,
      counts.failed ? `${counts.failed.toLocaleString('en')} failed` : undefined,
      counts.notDone ? `${counts.notDone.toLocaleString('en')} not done (cancelled)` : undefined,
    ]
      .filter(Boolean)
      .join(', ') + '.',
  uploading: (where: string) => `Uploading to ${where}`,
  // An upload that went through names what went where (a drop on a folder, too).
  uploadedTo: (count: number, where: string, name?: string) =>
    `Uploaded ${count === 1 && name !== undefined ? name : `${count.toLocaleString('en')} file${count === 1 ? '' : 's'}`} to ${where}`,
  nothingToUpload: 'There is nothing to upload: the selection holds no files.',
  urlCopied: (value: string) => `Copied "${value}".`,
  downloading: (folder: string) => `Downloading to ${folder}`,
  revealFileAction: 'Reveal File',
  // Why a key is not downloaded (after "<bucket>/<key>: not downloaded, ").
  localPathDotSegment: (relativeKey: string) => `"${relativeKey}" has an empty, "." or ".." path segment`,
  localPathUnsafeName: (relativeKey: string) => `"${relativeKey}" is not a safe file name`,
  localPathNameTooLong: (relativeKey: string, maxBytes: number) =>
    `"${relativeKey}" has a name longer than the ${maxBytes} bytes a file name may have`,
  localPathOutside: (relativeKey: string) => `"${relativeKey}" would be written outside the chosen folder`,
  localPathSameFile: (others: readonly string[], ignoringCase: boolean) =>
    ignoringCase
      ? `it would be the same file as ${others.map((other) => `"${other}"`).join(', ')} on this disk, which ignores letter case`
      : `it would be written to the same file as ${others.map((other) => `"${other}"`).join(', ')}`,
  localPathIsFolder: (other: string, ignoringCase: boolean) =>
    `a folder for "${other}" would have the same name${ignoringCase ? ' on this disk, which ignores letter case' : ''}`,
  selectInView: 'Select objects or folders in the R2 view first.',
  countingObjects: 'Counting the objects to delete…',
  nothingToDelete: 'There is nothing to delete: the selected folders are empty.',
  deleteAction: 'Delete',
  confirmDeleteObject: (key: string, bucket: string) =>
    `Permanently delete "${key}" from ${bucket}? This cannot be undone.`,
  confirmDeleteFolder: (prefix: string, count: number, bucket: string) =>
    `Permanently delete the folder "${prefix}" and the ${count.toLocaleString('en')} object${count === 1 ? '' : 's'} in it from ${bucket}? This cannot be undone.`,
  deleteCancel: 'Cancel',
  deleteCount: (count: number) => `$(trash) Delete ${count.toLocaleString('en')} objects`,
  deleteCountPlaceholder: 'Enter cancels; choose Delete to delete them',
  confirmDelete: (count: number, where: string) =>
    `Permanently delete ${count.toLocaleString('en')} object${count === 1 ? '' : 's'} from ${where}? This cannot be undone.`,
  deleting: (where: string) => `Deleting from ${where}`,
  deleted: (count: number, where: string) =>
    `Deleted ${count.toLocaleString('en')} object${count === 1 ? '' : 's'} from ${where}.`,
  deletePartial: (deleted: number, failed: number) =>
    `Deleted ${deleted.toLocaleString('en')} objects; ${failed.toLocaleString('en')} could not be deleted.`,
  folderExists: (key: string) => `Folder "${key}" already exists.`,
  renamePromptKey: (bucket: string) => `New key in bucket "${bucket}" (include folders to move it)`,
  invalidKey: 'A key is 1 to 1024 bytes of UTF-8.',
  locationHintPlaceholder: 'Location hint: where most requests will come from',
  bucketCreated: (bucket: string) => `Created bucket "${bucket}".`,
  confirmDeleteBucket: (bucket: string) => `Delete bucket "${bucket}"? Only an empty bucket can be deleted.`,
  bucketNotEmpty: (bucket: string) =>
    `Bucket "${bucket}" is not empty. Delete every object in it, then the bucket? This cannot be undone.`,
  emptyAndDeleteAction: 'Empty and Delete…',
  typeBucketToConfirm: (bucket: string) => `Type "${bucket}" to delete every object in it and the bucket`,
  typeBucketMismatch: 'The name does not match.',
  emptying: (bucket: string) => `Emptying ${bucket}`,
  deletedSoFar: (count: number) => `${count.toLocaleString('en')} objects deleted`,
  bucketDeleted: (bucket: string) => `Deleted bucket "${bucket}".`,
  copying: (where: string) => `Copying to ${where}`,
  copyFolderIntoItself: (prefix: string) => `The folder "${prefix}" cannot be copied into itself.`,
  listingToCopy: 'Listing the folders to copy…',
  copyOntoItself: (key: string) => `"${key}" cannot be copied onto itself.`,
  clickToEdit: 'Select to edit',
  addMetadata: '$(add) Add custom metadata…',
  // Input box titles show no icons.
  addMetadataTitle: 'Add Custom Metadata',
  propertiesTitle: (key: string) => `Properties of ${key}`,
  propertiesPlaceholder: 'Select a value to copy it, or an editable field to change it',
  metadataNamePrompt:
    'Metadata name (sent as x-amz-meta-<name>). Names are stored in lower case (S3 metadata names are case-insensitive).',
  metadataNameInvalid: 'Use letters, digits, "-", "_" and "." only.',
  metadataValuePrompt: 'Value (empty removes it)',
  fieldValuePrompt: (field: string) => `${field} (empty removes it)`,
  noActiveFile: 'Open a file saved on disk to upload it.',
  accountImported: (name: string) =>
    `Imported AWS profile as R2 account "${name}". Its secret is now in VS Code's secret storage.`,
  // Opening objects in editors, comparing, links, bucket settings as documents (r2: and r2-config:).
  browseLoadMore: '$(ellipsis) Load more…',
  browseParent: 'Parent folder',
  browsePlaceholder: (bucket: string, prefix: string) => `Pick an object in ${bucket}/${prefix}`,
  browsePlaceholderPartial: (bucket: string, prefix: string) =>
    `Pick an object in ${bucket}/${prefix} (filtering searches the loaded page only; Type a key… opens any key)`,
  browseFilterLoadedOnly: 'filtering searches the loaded page only',
  browseTypeKey: '$(go-to-file) Type a key…',
  browseTypeKeyPrompt: (bucket: string) => `Key of the object to open in ${bucket}`,
  notAnObject: (uri: string) => `${uri} is not an object of a configured R2 account.`,
  openLargeObject: (name: string, size: string, limitMB: number) =>
    `"${name}" is ${size}, more than the ${limitMB} MiB that open without asking (setting r2.openSizeLimitMB): opening downloads all of it.`,
  openInfrequentAccess: (name: string, size: string) =>
    `"${name}" is in Infrequent Access storage: reading its ${size} is billed as a data retrieval fee (per GB).`,
  openAnywayAction: 'Open Anyway',
  downloadInsteadAction: 'Download Instead',
  compareWithLocalFile: '$(file) Local File…',
  compareWithObject: '$(cloud) Another R2 Object…',
  comparePlaceholder: (key: string) => `Compare "${key}" with…`,
  presignMethodPlaceholder: 'What the URL allows: anyone who has it can do this until it expires',
  presignGetDescription: 'Download the object',
  presignPutDescription: 'Upload (replace) the object',
  presignHeadDescription: 'Read its headers only',
  presignContentTypePlaceholder: 'Which Content-Type the upload may send',
  presignAnyContentType: 'Any Content-Type',
  presignAnyContentTypeDescription: 'curl --upload-file and browsers upload as they are',
  presignBindContentType: 'Require a Content-Type…',
  presignBindContentTypeDescription: 'The upload must send exactly this Content-Type header',
  presignContentTypePrompt: 'Content-Type the upload must send (it becomes part of the signature)',
  presignContentTypeRequired: 'Enter a Content-Type, or press Escape and choose Any Content-Type.',
  copyCurlCommand: 'Copy curl command',
  presignExpiryPlaceholder: 'How long the URL works',
  presignCustomExpiry: '$(edit) Custom…',
  presignCustomExpiryPrompt:
    'How long the URL works: seconds, or a number with a unit such as min, h or days (at most 7 days)',
  presignCustomExpiryExample: 'e.g. 90, 30m, 90 min, 1.5h, 2 days',
  presignedUrlCopied: (method: string, key: string, duration: string, at: string, contentType?: string) =>
    `Copied a presigned ${method} URL for "${key}"${contentType ? ` (the upload must send Content-Type: ${contentType})` : ''}. It expires in ${duration}, at ${at}.`,
  noPublicUrl: (bucket: string) =>
    `Bucket "${bucket}" has no public URL yet. Set its r2.dev URL or custom domain to copy public links.`,
  setPublicUrlAction: 'Set Public URL…',
  fsNoAccount: (id: string) => `No R2 account with id "${id}" is configured.`,
  fsDeletedSinceOpened: (key: string) =>
    `"${key}" was deleted in R2 since it was opened; nothing was written. Retry to create it again.`,
  fsChangedOnServer: (key: string) =>
    `"${key}" changed in R2 after it was checked; nothing was written. Save again to compare.`,
  fsBucketsInView: 'Buckets are created and deleted from the R2 view.',
  fsNotEmpty: (prefix: string) => `"${prefix}" is not empty.`,
  fsDeleteFailed: (count: number, prefix: string) =>
    `${count.toLocaleString('en')} of the objects under "${prefix}" could not be deleted.`,
  fsRenameScope: 'Objects can be renamed within one account, inside buckets only.',
  fsMoveIntoItself: (prefix: string) => `"${prefix}" cannot be moved into itself.`,
  fsTruncatedFolder: (uri: string, count: number) =>
    `${uri}: showing the first ${count.toLocaleString('en')} entries only.`,
  configInvalid: (problem: string, more: number) =>
    `${problem}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''} Nothing was changed in R2.`,
  configChanged: (what: string, bucket: string) =>
    `The ${what} of bucket "${bucket}" changed in R2 since they were opened; nothing was changed. Save again to compare.`,
  configDenied: (what: string, bucket: string) =>
    `Access denied: this key may not change the ${what} of bucket "${bucket}" (it may be read-only). Nothing was changed in R2.`,
  configRefused: (reason: string) => `${reason} Nothing was changed in R2.`,
  configSingleDocument: 'Bucket settings are single documents.',
  configDeleteHint: 'Save an empty array ([]) to remove the rules.',
  autoSaveWritesToR2:
    'Auto save writes to R2 after every pause in typing: each pause replaces the object in its bucket. Auto save only the files of your workspace, and write R2 objects when you save them?',
  autoSaveWorkspaceFilesOnlyAction: 'Auto Save Only Workspace Files',
  // Incomplete multipart uploads: parts left stored when an abort failed or a session ended mid-upload.
  cleanUpUploadsAction: 'Clean Up Incomplete Uploads…',
  partsLeft: (key: string, bucket: string) =>
    `Parts of "${key}" in bucket "${bucket}" could not be removed: they stay stored (and billed) until removed. Use Clean Up Incomplete Uploads… on the bucket.`,
  listingIncompleteUploads: (bucket: string) => `Listing incomplete uploads in ${bucket}`,
  noIncompleteUploads: (bucket: string) => `There are no incomplete uploads in bucket "${bucket}".`,
  uploadStarted: (relative: string, at: string) => `started ${relative}, ${at}`,
  incompleteUploadsPlaceholder: (count: number, bucket: string) =>
    `${count.toLocaleString('en')} incomplete upload${count === 1 ? '' : 's'} in "${bucket}": the selected ones are aborted and their parts deleted (an upload still running elsewhere then fails)`,
  removingIncompleteUploads: (bucket: string) => `Removing incomplete uploads from ${bucket}`,
  incompleteUploadsRemoved: (bucket: string, counts: { removed: number; failed: number; notDone: number }) =>
    [
      `${counts.removed.toLocaleString('en')} incomplete upload${counts.removed === 1 ? '' : 's'} removed from bucket "${bucket}"`,
      counts.failed ? `; ${counts.failed.toLocaleString('en')} could not be removed` : '',
      counts.notDone ? `; ${counts.notDone.toLocaleString('en')} not removed (cancelled)` : '',
      '.',
    ].join(''),
  // Why the items of a batch failed, after its summary: "0 uploaded, 1 failed: <cause>."
  causeAccessDenied: (write: boolean) =>
    write
      ? 'access denied — the key may be read-only, or limited to other buckets'
      : 'access denied — the key may be limited to other buckets',
  causeInvalidCredentials: 'the access key ID or secret access key is not valid',
  summaryWithCause: (summary: string, cause: string) => `${summary}: ${cause}.`,
  summaryWithCommonCause: (summary: string, count: number, cause: string) =>
    `${summary}. ${count.toLocaleString('en')} of them: ${cause}; see the log for the others.`,
} as const;
