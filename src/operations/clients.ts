import type { Account } from '../accounts/account';
import type { R2Client } from '../r2';
import type { FileTransfers } from './transfers';

/** Where an operation gets the client of an account (the extension's ClientPool). */
export interface Clients {
  get(account: Account): Promise<R2Client>;
  /** How one file of the account moves, given its client; without it, in this thread (inThisThread). */
  readonly transfers?: (account: Account, client: R2Client) => FileTransfers;
}
