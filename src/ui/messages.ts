// Every sentence the user reads, in one place: consistent wording, easy to review.
export const messages = {
  addAccountAction: 'Add Account',
  removeAction: 'Remove',
  showLogAction: 'Show Log',
  accountIdOrEndpointPrompt: 'Cloudflare account ID, the R2 endpoint URL from the API token page, or any S3-compatible endpoint URL',
  accountIdOrEndpointPlaceholder: 'e.g. 0123456789abcdef0123456789abcdef or https://<ACCOUNT_ID>.r2.cloudflarestorage.com',
  accountIdOrEndpointInvalid: 'Enter a 32-character hexadecimal account ID or an http(s):// endpoint URL.',
  jurisdictionPlaceholder: 'Jurisdiction of the buckets this token reaches',
  accessKeyIdPrompt: 'Access key ID of the R2 API token',
  secretAccessKeyPrompt: 'Secret access key of the R2 API token (stored in VS Code\'s secret storage only)',
  displayNamePrompt: 'A name for this account in the R2 view',
  required: 'A value is required.',
  accountAdded: (name: string) => `Added R2 account "${name}".`,
  confirmRemoveAccount: (name: string) => `Remove the R2 account "${name}"? Its secret access key is deleted from VS Code's secret storage. Nothing in R2 changes.`,
  commandFailed: (detail: string) => `R2: ${detail}`,
} as const;
