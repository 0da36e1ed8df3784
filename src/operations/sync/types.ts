// What a sync is asked to do and what its plan holds. A plan is made first (one listing, local
// files compared), shown, and only then applied: nothing is sent before the person (or a bench)
// has seen what would be.
import type { Account } from '../../accounts/account';
import type { Clients } from '../clients';
import type { Refusal } from '../outcome';

/** `toR2`: the local folder is the source; `toLocal`: the bucket folder is. */
export type SyncDirection = 'toR2' | 'toLocal';

export interface SyncOptions {
  /** Delete what is only at the target (the extra entries). Off unless chosen. */
  readonly deleteExtra: boolean;
  /** Leave out what the local folder's .gitignore files (nested ones too) ignore. */
  readonly useGitignore: boolean;
  /** Globs of paths (relative to the folder, '/'-separated) left out on both sides. */
  readonly exclude: readonly string[];
  /** Cache-Control per glob, the first matching glob wins; uploads only. */
  readonly cacheControl?: Readonly<Record<string, string>>;
  /** Transfers in flight at once. */
  readonly concurrency?: number;
}

export interface SyncInput {
  readonly clients: Clients;
  readonly account: Account;
  readonly bucket: string;
  /** The bucket folder: '' or ending with '/'. */
  readonly prefix: string;
  readonly localFolder: string;
  readonly options: SyncOptions;
}

export type SyncAction = 'new' | 'changed' | 'unchanged' | 'extra';

/**
 * Which rule decided an entry. `notModifiedSince`: same size, and the target was written after
 * the source last changed (multipart objects only, whose ETag is no MD5: no request, no hashing).
 */
export type SyncRule =
  | 'missing'
  | 'sizeDiffers'
  | 'md5Etag'
  | 'md5Metadata'
  | 'mtimeMetadata'
  | 'notModifiedSince'
  | 'contentDiffers'
  | 'onlyAtTarget';

/** The version of a local file: a change after the plan is told by these. */
export interface LocalVersion {
  readonly size: number;
  readonly mtimeMs: number;
}

export interface SyncEntry {
  /** Below the local folder and the bucket folder, '/'-separated. */
  readonly relativePath: string;
  readonly key: string;
  readonly localPath: string;
  readonly action: SyncAction;
  readonly rule: SyncRule;
  /** Bytes the entry moves (the source's size); for an extra entry, the size deleted. */
  readonly size: number;
  /** The object's etag as listed: an upload replaces only that version, a download reads only it. */
  readonly etag?: string;
  /** The local file as it was when planned. */
  readonly local?: LocalVersion;
}

export interface SyncPlan extends SyncInput {
  readonly direction: SyncDirection;
  /** Sorted by relative path. */
  readonly entries: readonly SyncEntry[];
  /** Local files that could not be read, keys that are no safe file names. */
  readonly refused: readonly Refusal[];
  /**
   * ListObjectsV2 requests the plan's listing sent: one for up to 1,000 keys; beyond, a few more than
   * ⌈n/1000⌉ for n keys, as key ranges are listed side by side (`listWhole`).
   */
  readonly listRequests: number;
}

/** Object metadata a sync upload stores, so a later sync can compare without hashing or a HEAD. */
export const MD5_METADATA = 'r2e-md5';
export const MTIME_METADATA = 'r2e-mtime';
