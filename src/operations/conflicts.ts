// What to do when a target already exists. The user decides per item or for all; questions are
// asked one at a time even when transfers run in parallel. A write then replaces only the version
// the user was asked about.
import { headIfExists, isR2Error } from '../r2';
import type { ObjectLocation, R2Client, R2ObjectHead, WriteConditions } from '../r2';
import { CancelBatch } from './batch';
import type { OverwriteSides, SideFacts } from './asker';
import type { ItemResult } from './batch';

export type ConflictAnswer = 'overwrite' | 'skip' | 'overwriteAll' | 'skipAll' | 'cancel';

/** `changed`: the user already agreed to replace this target, but it changed again since. */
export type AskOverwrite = (name: string, changed: boolean, sides?: OverwriteSides) => Promise<ConflictAnswer>;

export class ConflictPolicy {
  private always?: 'overwrite' | 'skip';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ask: AskOverwrite) {}

  /**
   * Overwrite or skip `name`; throws CancelBatch when the user cancels. "Overwrite All" covers the
   * objects there when it was chosen, so a target `changed` since it was asked about is asked about
   * again; "Skip All" always holds (skipping loses nothing).
   */
  decide(name: string, changed = false, sides?: OverwriteSides): Promise<'overwrite' | 'skip'> {
    const decision = this.queue.then(async () => {
      if (this.always === 'skip' || (this.always === 'overwrite' && !changed)) {
        return this.always;
      }
      const answer = await this.ask(name, changed, sides);
      switch (answer) {
        case 'overwriteAll':
          this.always = 'overwrite';
          return 'overwrite';
        case 'skipAll':
          this.always = 'skip';
          return 'skip';
        case 'cancel':
          throw new CancelBatch();
        default:
          return answer;
      }
    });
    this.queue = decision.catch(() => undefined);
    return decision;
  }
}

export interface GuardedWrite {
  /** Writes the target under these conditions: create-only (`ifNoneMatch`), or replace that version (`ifMatch`). */
  write(conditions: WriteConditions): Promise<void>;
  /** Asks whether to replace `current`, the object there; `changed` when asked about this target before. */
  decide(changed: boolean, current: R2ObjectHead): Promise<'overwrite' | 'skip'>;
  /** Whether the object there already is what would be written (then nothing is written or asked). */
  alreadyThere?(head: R2ObjectHead): Promise<boolean>;
}

/** An object's side of an overwrite question. */
export function objectSide(head: Pick<R2ObjectHead, 'size' | 'lastModified'>): SideFacts {
  return { place: 'r2', size: head.size, modified: head.lastModified };
}

/**
 * Writes a target without replacing anything the user has not agreed to: created only while the key
 * is free; when it is taken, the user is asked, and only the version they were asked about is
 * replaced (If-Match). A refused write means another client got in between: what is there now is
 * looked at, and asked about again if it is another version.
 */
export async function writeWithoutClobbering(
  client: R2Client,
  target: ObjectLocation,
  guarded: GuardedWrite,
  signal: AbortSignal,
  // What the caller already knows is there: nothing (create-only), or the version a sync planned
  // to replace. Refused, the target is looked at and asked about as below.
  first: WriteConditions = { ifNoneMatch: '*' },
): Promise<ItemResult> {
  try {
    await guarded.write(first);
    return 'done';
  } catch (error) {
    // The planned version is gone: replaced (PreconditionFailed) or deleted (NoSuchKey, as S3 answers).
    const planGone =
      first.ifMatch !== undefined && (isR2Error(error, 'PreconditionFailed') || isR2Error(error, 'NoSuchKey'));
    if (!isR2Error(error, 'AlreadyExists') && !planGone) {
      throw error;
    }
  }
  let askedAbout: string | undefined;
  let current = await headIfExists(client, target, signal);
  for (;;) {
    try {
      if (current === undefined) {
        await guarded.write({ ifNoneMatch: '*' });
        return 'done';
      }
      if (await guarded.alreadyThere?.(current)) {
        return 'done';
      }
      if ((await guarded.decide(askedAbout !== undefined, current)) === 'skip') {
        return 'skipped';
      }
      askedAbout = current.etag;
      await guarded.write({ ifMatch: current.etag });
      return 'done';
    } catch (error) {
      if (!isR2Error(error, 'AlreadyExists') && !isR2Error(error, 'PreconditionFailed')) {
        throw error;
      }
      current = await headIfExists(client, target, signal);
      // Refused while the key still holds the very version named: the server's doing, not another
      // writer's (asking again would never end).
      if (isR2Error(error, 'PreconditionFailed') && current?.etag === askedAbout) {
        throw error;
      }
    }
  }
}
