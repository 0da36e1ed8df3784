/** R2 jurisdictions: each has its own endpoint, and a jurisdictional bucket answers only there. */
export type Jurisdiction = 'default' | 'eu' | 'fedramp';

/** What is kept about an account outside SecretStorage: everything but the secret access key. */
export interface Account {
  /** Stable id of this entry (not the Cloudflare account ID): keys the secret and tree ids. */
  readonly id: string;
  readonly name: string;
  /** Cloudflare account ID; absent for a custom S3 endpoint. */
  readonly accountId?: string;
  readonly jurisdiction: Jurisdiction;
  /** Any S3-compatible endpoint, used instead of the R2 endpoint derived from `accountId`. */
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
  readonly accessKeyId: string;
}
