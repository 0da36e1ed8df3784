// The places a tool's input names, checked against R2's rules before any request: which account,
// a bucket name R2 could hold, a key of at most 1,024 bytes, a prefix that is a folder.
import type { Account } from '../accounts/account';
import { bucketNameProblem, isValidKey } from '../r2';
import type { ToolServices } from './agentTool';
import { ToolInputError } from './agentTool';

/** Every tool input may name its account; one configured account needs no name. */
export interface AccountInput {
  readonly account?: string;
}

export interface BucketInput extends AccountInput {
  readonly bucket: string;
}

export interface ObjectInput extends BucketInput {
  readonly key: string;
}

/** The account named (by its name in the R2 view, case-insensitive), or the only one. */
export function resolveAccount(services: ToolServices, name: string | undefined): Account {
  const accounts = services.accounts.list();
  const names = accounts.map((account) => `"${account.name}"`).join(', ');
  if (accounts.length === 0) {
    throw new ToolInputError(
      'No R2 account is configured. The user adds one in the R2 view (R2 Explorer: Add Account…).',
    );
  }
  if (name === undefined || name === '') {
    if (accounts.length === 1) {
      return accounts[0];
    }
    throw new ToolInputError(`Several R2 accounts are configured; say which in "account": ${names}.`);
  }
  const found = accounts.find((account) => account.name.toLowerCase() === name.toLowerCase() || account.id === name);
  if (!found) {
    throw new ToolInputError(`No R2 account is named "${name}". The accounts are: ${names}.`);
  }
  return found;
}

export function checkBucket(bucket: string): string {
  const problem = bucketNameProblem(bucket);
  if (problem) {
    throw new ToolInputError(`"${bucket}" is not a valid bucket name: ${problem}`);
  }
  return bucket;
}

export function checkKey(key: string, field = 'key'): string {
  if (!isValidKey(key)) {
    throw new ToolInputError(`"${field}" must be a key of 1 to 1,024 bytes (UTF-8).`);
  }
  return key;
}

/** A prefix is '' (the whole bucket) or any key-like text; a folder ends with '/'. */
export function checkPrefix(prefix: string | undefined): string {
  const value = prefix ?? '';
  if (Buffer.byteLength(value, 'utf8') > 1024) {
    throw new ToolInputError('"prefix" must be at most 1,024 bytes (UTF-8).');
  }
  return value;
}

/** A whole number within bounds, or the default when absent. */
export function checkCount(value: number | undefined, field: string, fallback: number, max: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ToolInputError(`"${field}" must be a whole number from 1 to ${max.toLocaleString('en')}.`);
  }
  return value;
}

export function objectTarget(services: ToolServices, input: ObjectInput) {
  return {
    account: resolveAccount(services, input.account),
    bucket: checkBucket(input.bucket),
    key: checkKey(input.key),
  };
}
