// A failed tool call as a model can use it: what went wrong and what to do next, in a sentence or
// two. Never a stack, never a signature: R2's messages go through redact() like every log line.
import { isR2Error } from '../r2';
import type { R2Error } from '../r2';
import { redact } from '../ui/redact';
import { ToolInputError } from './agentTool';

function where(error: R2Error): string {
  if (error.key !== undefined && error.bucket !== undefined) {
    return `"${error.key}" in bucket "${error.bucket}"`;
  }
  return error.bucket !== undefined ? `bucket "${error.bucket}"` : 'the account';
}

function nextStep(error: R2Error): string {
  switch (error.code) {
    case 'NoSuchBucket':
      return 'Check the name with r2_listBuckets.';
    case 'NoSuchKey':
      return 'Look for the key with r2_listObjects or r2_findKeys.';
    case 'AccessDenied':
      return "The account's API token does not allow this (it may be read-only or limited to other buckets). Tell the user; they can change the token with R2 Explorer: Edit Account.";
    case 'InvalidCredentials':
      return "The account's credentials no longer work. Tell the user to update them with R2 Explorer: Edit Account.";
    case 'AlreadyExists':
      return 'Nothing was written. To replace it, call again with "overwrite": true (the user is asked to confirm), or choose another key.';
    case 'PreconditionFailed':
    case 'SourceChanged':
      return 'Someone changed it since it was read; nothing was written. Read it again and retry with its current etag.';
    case 'Network':
    case 'Timeout':
    case 'ServerError':
    case 'Throttled':
      return 'This may pass: retry in a moment.';
    case 'EntityTooLarge':
      return 'Use a smaller size, or ask the user to open it in the editor.';
    default:
      return '';
  }
}

/** The tool's answer for an error thrown by its work. */
export function describeFailure(error: unknown): string {
  if (error instanceof ToolInputError) {
    return `Not done: ${error.message}`;
  }
  if (isR2Error(error)) {
    const step = nextStep(error);
    return redact(`Failed on ${where(error)}: ${error.message}${step ? ` ${step}` : ''}`);
  }
  return redact(`Failed: ${error instanceof Error ? error.message : String(error)}`);
}
