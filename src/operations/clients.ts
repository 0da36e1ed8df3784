import type { Account } from '../accounts/account';
import type { R2Client } from '../r2';

/** Where an operation gets the client of an account (the extension's ClientPool). */
export interface Clients {
  get(account: Account): Promise<R2Client>;
}
