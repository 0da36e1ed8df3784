import { isLoopbackEndpoint } from '../r2';
import type { EndpointConfig, Jurisdiction } from '../r2';

/** What is kept about an account outside SecretStorage: everything but the secret access key. */
export interface Account {
  /** Stable id of this entry (not the Cloudflare account ID): keys the secret, tree ids and r2: URIs. */
  readonly id: string;
  readonly name: string;
  /** Cloudflare account ID; absent for a custom S3 endpoint. */
  readonly accountId?: string;
  readonly jurisdiction: Jurisdiction;
  /** Any S3-compatible endpoint, used instead of the R2 endpoint derived from `accountId`. */
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
  readonly accessKeyId: string;
  /**
   * Buckets the user added by name: the only way to reach buckets with a bucket-scoped token,
   * which cannot list them. Admin tokens may pin buckets too.
   */
  readonly pinnedBuckets?: readonly string[];
  /** Public base URL (r2.dev or a custom domain) per bucket name; S3 cannot discover these. */
  readonly publicBaseUrls?: Readonly<Record<string, string>>;
  /**
   * The token may not write (R2's "Read only" tokens), as the last account check found: the view
   * then offers no write action. Checked again by Edit Account and Add Bucket by Name.
   */
  readonly readOnly?: boolean;
  /** Configured by the sandbox (`npm start`) through R2_SANDBOX_ACCOUNT, not by the user. */
  readonly fromSandbox?: boolean;
}

/**
 * The account as an account check found it: marked read-only when its token may not write, the mark
 * dropped when it may. A check that could not tell (no bucket to ask in) leaves the account as it was.
 */
export function withWriteAccess(account: Account, canWrite: boolean | undefined): Account {
  return canWrite === undefined ? account : { ...account, readOnly: canWrite ? undefined : true };
}

export function endpointConfig(account: Account): EndpointConfig {
  return account.endpoint !== undefined
    ? { kind: 'custom', url: account.endpoint, forcePathStyle: account.forcePathStyle ?? true }
    : { kind: 'r2', accountId: account.accountId ?? '', jurisdiction: account.jurisdiction };
}

/**
 * Whether the endpoint is plain http to another machine: the secret then signs requests that cross
 * the network unencrypted, keys and data in the clear. The scheme is checked first, so R2 and https
 * accounts never load the S3 bundle (src/r2) just to draw their row.
 */
export function sendsUnencrypted(endpoint: string | undefined): boolean {
  return endpoint !== undefined && /^\s*http:/i.test(endpoint) && !isLoopbackEndpoint(endpoint);
}
