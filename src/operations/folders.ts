// Creating a folder: the work of r2.newFolder, with no screen.
import type { Account } from '../accounts/account';
import { childPrefix, isR2Error, listPage, putObject } from '../r2';
import type { R2Client } from '../r2';
import { outcomeOf } from './outcome';
import type { Outcome } from './outcome';

export interface NewFolderInput {
  readonly client: R2Client;
  /** The account the client is for. */
  readonly account: Account;
  readonly bucket: string;
  /** The folder it is made in ('' for the bucket's root). */
  readonly parent: string;
  /** One level: no '/'. */
  readonly name: string;
}

/**
 * Creates a folder as a `prefix/` marker object (so it exists before anything is in it), only
 * while the key is free: an existing folder, with a marker or with objects only, is skipped, never
 * replaced, and gets no marker. The item is the new prefix.
 */
export async function createFolder(input: NewFolderInput, signal: AbortSignal): Promise<Outcome<string>> {
  const { account, bucket, parent } = input;
  const key = childPrefix(parent, input.name);
  const changed = [{ accountId: account.id, bucket, prefix: parent }];
  // A folder without a marker exists through its objects: If-None-Match on the marker cannot tell.
  const page = await listPage(input.client, { bucket, prefix: key, delimiter: '', pageSize: 1 }, signal);
  if (page.objects.length > 0) {
    return outcomeOf({ skipped: [key], changed: [] });
  }
  try {
    await putObject(input.client, { bucket, key, body: '', ifNoneMatch: '*' }, signal);
  } catch (error) {
    if (!isR2Error(error, 'AlreadyExists')) {
      throw error;
    }
    return outcomeOf({ skipped: [key], changed });
  }
  return outcomeOf({ done: [key], changed });
}
