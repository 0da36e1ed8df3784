import type { Account } from '../accounts/account';

/** Where objects go: a bucket of an account and a folder in it ('' or ending with '/'). */
export interface Destination {
  readonly account: Account;
  readonly bucket: string;
  readonly prefix: string;
}

export function describeDestination({ bucket, prefix }: Destination): string {
  return `${bucket}/${prefix}`;
}
