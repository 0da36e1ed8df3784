// Saved syncs ("pairs"): a local folder and a bucket folder, a direction and options, kept in the
// workspace's state (ids, names and paths, no secrets) so they run again in one step.
import type { SyncDirection } from '../operations';
import type { Services } from './services';

const PAIRS_KEY = 'r2.sync.pairs';

export interface SyncPair {
  readonly direction: SyncDirection;
  readonly localFolder: string;
  readonly accountId: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly deleteExtra: boolean;
  readonly useGitignore: boolean;
}

export function savedPairs({ workspaceState }: Pick<Services, 'workspaceState'>): SyncPair[] {
  return workspaceState.get<SyncPair[]>(PAIRS_KEY, []);
}

function samePair(a: SyncPair, b: SyncPair): boolean {
  return (
    a.direction === b.direction &&
    a.localFolder === b.localFolder &&
    a.accountId === b.accountId &&
    a.bucket === b.bucket &&
    a.prefix === b.prefix
  );
}

export function isSaved(services: Pick<Services, 'workspaceState'>, pair: SyncPair): boolean {
  return savedPairs(services).some((saved) => samePair(saved, pair));
}

/** Saves the pair, replacing one of the same places and direction (its options may differ). */
export async function savePair(services: Pick<Services, 'workspaceState'>, pair: SyncPair): Promise<void> {
  await services.workspaceState.update(PAIRS_KEY, [
    ...savedPairs(services).filter((saved) => !samePair(saved, pair)),
    pair,
  ]);
}

/** "site → my-bucket/www/" or "my-bucket/www/ → site". */
export function describePair(pair: SyncPair): string {
  const remote = `${pair.bucket}/${pair.prefix}`;
  return pair.direction === 'toR2' ? `${pair.localFolder} → ${remote}` : `${remote} → ${pair.localFolder}`;
}
