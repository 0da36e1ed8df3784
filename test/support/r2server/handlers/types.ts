import type { RequestContext } from '../context';
import type { Store } from '../store';

export interface HandlerArgs {
  ctx: RequestContext;
  store: Store;
  /** Empty for account-level operations. */
  bucket: string;
  /** Empty for bucket-level operations. */
  key: string;
}

export type Handler = (args: HandlerArgs) => Promise<void>;
