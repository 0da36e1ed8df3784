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
  secretAccessKeyKeepPrompt: 'Secret access key of the R2 API token. Leave empty to keep the stored secret.',
  secretAccessKeyKeepPlaceholder: 'Leave empty to keep the stored secret',
  secretAccessKeyNewKeyPrompt:
    'Secret access key of the new access key ID: the stored secret belongs to the old key, so it cannot be kept.',
  secretAccessKeyNeededForNewKey: 'A new access key ID needs its own secret access key.',
  displayNamePrompt: 'A name for this account in the R2 view',
  required: 'A value is required.',
  accountAdded: (name: string) => `Added R2 account "${name}".`,
  accountUpdated: (name: string) => `Updated R2 account "${name}".`,
  accountGone: 'That R2 account is no longer configured.',
  // A tree row, short enough for the side bar's default width; the reason is in its tooltip.
  credentialsStoppedWorking: 'Credentials stopped working',
  credentialsStoppedWorkingTooltip: (account: string, reason: string) =>
    `${reason}\nThe token of "${account}" may have been revoked or rolled. Click to edit the account: enter a working access key ID and secret.`,
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
  readOnlyAccount: 'read-only',
  readOnlyTooltip:
    'Read-only: the account check found that this token may not write, so the view offers no action that writes. Edit Account checks again.',
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
  moving: (where: string) => `Moving to ${where}`,
  copyFolderIntoItself: (prefix: string) => `The folder "${prefix}" cannot be copied into itself.`,
  listingToCopy: 'Listing the folders to copy…',
  copyOntoItself: (key: string) => `"${key}" cannot be copied onto itself.`,
  // Renaming or moving a folder (r2.rename on a folder).
  renamePromptFolder: (bucket: string) => `New folder path in bucket "${bucket}" (include parent folders to move it)`,
  moveFolderIntoItself: (prefix: string) => `The folder "${prefix}" cannot be moved into itself.`,
  movingFolder: (from: string, to: string) => `Moving ${from} to ${to}`,
  moveFolderSummary: (counts: { done: number; skipped: number; failed: number; notDone: number }): string =>
    messages.transferSummary('moved', counts) +
    (counts.notDone > 0 ? ' Rename or move the folder again to move the rest: what moved is not moved twice.' : ''),
  objectsProgress: (done: number, total: number | undefined) =>
    `${done.toLocaleString('en')} of ${total === undefined ? '?' : total.toLocaleString('en')} objects`,
  // Changing the storage class (r2.changeStorageClass).
  storageClassTitle: 'Change Storage Class',
  storageClassPlaceholder: 'The storage class to move the selected objects to',
  storageClassStandard: 'Standard',
  storageClassStandardDetail: 'For data read often: no retrieval fee, no minimum storage duration',
  storageClassInfrequent: 'Infrequent Access',
  storageClassInfrequentDetail: 'Cheaper storage for data read rarely: 30-day minimum, retrieval fee per GB read',
  listingStorageClass: 'Listing the objects to change…',
  storageClassNothingToDo: (count: number, className: string) =>
    `All ${count.toLocaleString('en')} selected objects already are in ${className}.`,
  confirmStorageClass: (count: number, size: string, className: string, already: number) =>
    `Change ${count === 1 ? '1 object' : `${count.toLocaleString('en')} objects`} (${size}) to ${className}?` +
    (already > 0 ? ` ${already.toLocaleString('en')} already are.` : '') +
    ' Each object is rewritten in place with its metadata: one Class A request each.',
  // Cloudflare's R2 pricing: Infrequent Access has a 30-day minimum storage duration and a data retrieval fee.
  storageClassToInfrequentWarning:
    'Infrequent Access bills every object for at least 30 days of storage, even if it is deleted or changed back sooner, and charges a data retrieval fee per GB on every read.',
  storageClassToStandardWarning:
    'Rewriting reads each object from Infrequent Access: the data retrieval fee per GB applies, and objects stored there for less than 30 days are billed for the full 30 days.',
  changeStorageClassAction: 'Change Storage Class',
  changingStorageClass: (className: string) => `Changing storage class to ${className}`,
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
  // Asked by VS Code before an agent's tool changes R2 (Continue / Cancel).
  toolUploadConfirmation: (what: {
    account: string;
    bucket: string;
    key: string;
    path: string;
    overwrite: boolean;
  }) => ({
    title: 'Upload a file to R2?',
    message: what.overwrite
      ? `Upload the workspace file "${what.path}" to "${what.key}" in bucket "${what.bucket}" (account "${what.account}"), replacing the object there if it exists.`
      : `Upload the workspace file "${what.path}" to "${what.key}" in bucket "${what.bucket}" (account "${what.account}"). Nothing is replaced: if the key exists, nothing is uploaded.`,
  }),
  toolWriteConfirmation: (what: {
    account: string;
    bucket: string;
    key: string;
    bytes: number;
    replaces?: string;
  }) => ({
    title: 'Write an object in R2?',
    message:
      what.replaces === undefined
        ? `Create "${what.key}" in bucket "${what.bucket}" (account "${what.account}") with ${what.bytes.toLocaleString('en')} bytes of text. Nothing is replaced: if the key exists, nothing is written.`
        : `Replace "${what.key}" in bucket "${what.bucket}" (account "${what.account}") with ${what.bytes.toLocaleString('en')} bytes of text, only if it is still the version read (etag ${what.replaces}).`,
  }),
  toolDeleteConfirmation: (what: { account: string; bucket: string; keys: readonly string[] }) => ({
    title: `Delete ${what.keys.length.toLocaleString('en')} object${what.keys.length === 1 ? '' : 's'} from R2?`,
    message: `Delete from bucket "${what.bucket}" (account "${what.account}"), for good: ${what.keys
      .slice(0, 10)
      .map((key) => `"${key}"`)
      .join(', ')}${what.keys.length > 10 ? ` and ${(what.keys.length - 10).toLocaleString('en')} more` : ''}.`,
  }),
  toolCopyConfirmation: (what: { account: string; from: string; to: string; move: boolean; overwrite: boolean }) => ({
    title: what.move ? 'Move an object in R2?' : 'Copy an object in R2?',
    message: `${what.move ? 'Move' : 'Copy'} "${what.from}" to "${what.to}" (account "${what.account}")${
      what.overwrite ? ', replacing the object there if it exists' : '; if the target exists, nothing is copied'
    }${what.move ? ', then delete the source' : ''}.`,
  }),
  findKeysTitle: 'Find Keys',
  findKeysPrompt: (where: string) =>
    `Find keys in ${where}: a part of the name (any case), or a glob such as *.pdf or logs/2026-*/**`,
  findKeysPlaceholder: 'invoice, *.pdf, assets/**/*.js',
  findKeysPickTitle: (pattern: string, where: string) => `"${pattern}" in ${where}`,
  findKeysPickPlaceholder: 'Enter opens the object; the tree button reveals it in the R2 view',
  findKeysProgress: (counts: { found: number; scanned: number; requests: number }) =>
    `${counts.found.toLocaleString('en')} found · ${counts.scanned.toLocaleString('en')} keys scanned · ${counts.requests.toLocaleString('en')} list request${counts.requests === 1 ? '' : 's'}…`,
  findKeysDone: (counts: { found: number; scanned: number; requests: number; complete: boolean; maxPages: number }) =>
    `${counts.found.toLocaleString('en')} found · ${counts.scanned.toLocaleString('en')} keys scanned · ${counts.requests.toLocaleString('en')} list request${counts.requests === 1 ? '' : 's'}${
      counts.complete
        ? ''
        : ` · stopped at the cap of ${counts.maxPages.toLocaleString('en')} requests (setting r2.find.maxPages)`
    }`,
  revealInViewAction: 'Reveal in the R2 View',
  explorerFolderTruncated: (folder: { bucket: string; key: string }, shown: number) =>
    `VS Code's Explorer shows the first ${shown.toLocaleString('en')} entries of ${folder.bucket}/${folder.key}: each listing of it costs ${Math.ceil(shown / 1000)} list request${shown > 1000 ? 's' : ''}, and listing more would cost more on every refresh. The R2 view pages through the rest (Load more…), and Find Keys… searches all of it. Setting: r2.explorer.maxPages.`,
  openInExplorerTitle: 'Open in Explorer',
  addToWorkspaceAction: 'Add to Workspace',
  openInNewWindowAction: 'Open in New Window',
  openInThisWindowAction: 'Open in This Window',
  openInExplorerPlaceholder: (where: string) => `Browse ${where} in VS Code's Explorer`,
  workspaceFolderName: (where: string, account: string) => `${where} (R2 ${account})`,
  workspaceFolderNotAdded: (where: string) =>
    `VS Code did not add ${where} to the workspace (it may be there already). Try Open in New Window.`,
  // Folder sync: a plan shown first, then applied.
  syncLocalToR2Title: 'Sync Local Folder to R2',
  syncR2ToLocalTitle: 'Sync R2 Folder to Local',
  syncHere: '$(check) Sync with this folder',
  syncFolderOpenLabel: 'Sync This Folder',
  syncOptionsPlaceholder: 'Options of this sync (Enter to go on)',
  syncDeleteOption: (where: string) => `Delete files in ${where} that the source does not have`,
  syncGitignoreOption: "Leave out what the local folder's .gitignore files ignore",
  syncPlanning: (from: string, to: string) => `Comparing ${from} with ${to}`,
  syncApplying: (from: string, to: string) => `Syncing ${from} to ${to}`,
  syncPlanSummary: (
    to: string,
    counts: {
      new: number;
      newBytes: string;
      changed: number;
      changedBytes: string;
      unchanged: number;
      extra: number;
      refused: number;
    },
    deleting: boolean,
  ) =>
    [
      `Sync to ${to}: ${counts.new.toLocaleString('en')} new (${counts.newBytes}), `,
      `${counts.changed.toLocaleString('en')} changed (${counts.changedBytes}), `,
      `${counts.unchanged.toLocaleString('en')} unchanged`,
      counts.extra === 0
        ? ''
        : deleting
          ? `, ${counts.extra.toLocaleString('en')} to delete`
          : `, ${counts.extra.toLocaleString('en')} only at the target (kept)`,
      counts.refused === 0
        ? ''
        : `, ${counts.refused.toLocaleString('en')} left out (unreadable, or no safe file name)`,
      '.',
    ].join(''),
  syncApplyAction: 'Apply',
  syncShowEntriesAction: 'Show Entries',
  syncEntriesPlaceholder: (count: number) => `${count.toLocaleString('en')} entries of the plan (Esc to go back)`,
  syncNothingToDo: (to: string, unchanged: number) =>
    `${to} is already in sync: ${unchanged.toLocaleString('en')} unchanged, nothing to send.`,
  syncConfirmDelete: (count: number, where: string) =>
    `Delete ${count.toLocaleString('en')} file${count === 1 ? '' : 's'} from ${where} that the source does not have? This cannot be undone.`,
  syncDeleteAction: (count: number) => `Delete ${count.toLocaleString('en')}`,
  syncSummary: (counts: { done: number; skipped: number; failed: number; notDone: number }) =>
    [
      `${counts.done.toLocaleString('en')} synced`,
      counts.skipped ? `, ${counts.skipped.toLocaleString('en')} skipped` : '',
      counts.failed ? `, ${counts.failed.toLocaleString('en')} failed` : '',
      counts.notDone ? `, ${counts.notDone.toLocaleString('en')} not done (cancelled)` : '',
      '.',
    ].join(''),
  syncRememberAction: 'Remember This Sync',
  syncRemembered: (name: string) => `Saved the sync "${name}": run it again from the R2 view or Run Saved Sync…`,
  syncNoSavedPairs: 'No saved sync yet: after a sync, choose Remember This Sync.',
  syncNoSavedPairHere: (where: string) =>
    `No saved sync for ${where}: after a sync with it, choose Remember This Sync.`,
  syncPickSavedPlaceholder: 'Saved sync to run',
  syncAccountGone: (where: string) => `The account of the saved sync with ${where} was removed.`,
  syncRule: (rule: string, direction: 'toR2' | 'toLocal'): string => {
    switch (rule) {
      case 'missing':
        return direction === 'toR2' ? 'not in R2 yet' : 'no local file yet';
      case 'sizeDiffers':
        return 'size differs';
      case 'md5Etag':
        return 'MD5 equal (ETag)';
      case 'md5Metadata':
        return 'MD5 equal (stored metadata)';
      case 'mtimeMetadata':
        return 'mtime+size equal (stored metadata)';
      case 'notModifiedSince':
        return direction === 'toR2'
          ? 'size equal, object written after the file last changed'
          : 'size equal, file written after the object';
      case 'contentDiffers':
        return 'content differs';
      default:
        return direction === 'toR2' ? 'only in R2' : 'only in the local folder';
    }
  },
  syncNotRegularFile: 'not a regular file',
  syncNoLocalFolder: (path: string) => `${path} is not a folder (or no longer exists): nothing to sync from.`,
  syncBrokenLink: 'a broken link',
  syncUnreadableFolder: (reason: string) => `the folder could not be read (${reason})`,
  pinned: (count: number) =>
    count === 1 ? 'Pinned at the top of its account.' : `${count} pinned at the top of their account.`,
  pinMissing: 'no longer exists',
  pinTooltip: (where: string) => `Pinned: ${where}`,
  pinMissingTooltip: (where: string) => `Pinned: ${where}. It no longer exists in R2: click for Remove.`,
  pinGone: (where: string) => `${where} no longer exists in R2.`,
  removePinAction: 'Remove Pin',
  nothingToPaste:
    'Nothing to paste here: copy or cut objects and folders in the R2 view, or copy the path of local files (Copy Path in the Explorer). An image on the clipboard is pasted with Paste Image.',
  pasteImageAction: 'Paste Image…',
  // The pad (a webview) that takes an image pasted with Ctrl+V / Cmd+V: VS Code's API reads only text.
  pasteImageTitle: (where: string) => `Paste Image to ${where}`,
  pasteImagePad: {
    prompt: 'Press Ctrl+V (Cmd+V on macOS) to paste an image from the clipboard.',
    closeHint: 'Close this tab or press Escape to cancel.',
    notImage:
      'The clipboard holds no image. Copy an image (a screenshot, or Copy Image in a browser), then paste again.',
    unreadable: 'That image could not be read. Copy it again, or save it as a file and upload the file.',
    received: 'Image received: name it in the box at the top.',
  },
  pasteImageName: (where: string) => `Name of the image in ${where}`,
  pasteImageNamePrompt: 'The object is created as a PNG image (Content-Type image/png).',
  objectNameProblem: 'Enter a name without "/": the image goes into the folder chosen.',
  nameTemplateUnknown: (setting: string, unknown: readonly string[], known: readonly string[]) =>
    `The setting ${setting} uses ${unknown.map((name) => `\${${name}}`).join(', ')}, which ${unknown.length === 1 ? 'is not a variable' : 'are not variables'}. It may use ${known.map((name) => `\${${name}}`).join(', ')}.`,
  nameTemplateUnclosed: (setting: string) => `The setting ${setting} has a "\${" without its closing "}".`,
  nameTemplateSlash: (setting: string) =>
    `The setting ${setting} names a file, so it may not hold "/": files go into the folder chosen.`,
  nameTemplateEmpty: (setting: string) => `The setting ${setting} gives an empty name, "." or "..".`,
  nameTemplateSameName: (other: string) => `the name template gives it the same name as ${other}`,
  openSettingsAction: 'Open Settings',
  moveAction: 'Move',
  confirmMoveInto: (count: number, where: string) =>
    `Move ${count === 1 ? 'this item' : `these ${count.toLocaleString('en')} items`} into ${where}? Each object is copied there, then deleted here.`,
  // Why the items of a batch failed, after its summary: "0 uploaded, 1 failed: <cause>."
  causeAccessDenied: (write: boolean) =>
    write
      ? 'access denied — the key may be read-only, or limited to other buckets'
      : 'access denied — the key may be limited to other buckets',
  causeInvalidCredentials: 'the access key ID or secret access key is not valid',
  summaryWithCause: (summary: string, cause: string) => `${summary}: ${cause}.`,
  summaryWithCommonCause: (summary: string, count: number, cause: string) =>
    `${summary}. ${count.toLocaleString('en')} of them: ${cause}; see the log for the others.`,
  readOnlyRefused: (account: string) =>
    `The token of "${account}" is read-only: it cannot change objects. Edit Account… to use a token that may write.`,
} as const;
