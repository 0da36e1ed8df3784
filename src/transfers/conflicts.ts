// What to do when a target already exists. The user decides per item or for all; questions are
// asked one at a time even when transfers run in parallel.
import { CancelBatch } from './batch';

export type ConflictAnswer = 'overwrite' | 'skip' | 'overwriteAll' | 'skipAll' | 'cancel';

export class ConflictPolicy {
  private always?: 'overwrite' | 'skip';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ask: (name: string) => Promise<ConflictAnswer>) {}

  /** Overwrite or skip `name`; throws CancelBatch when the user cancels. */
  decide(name: string): Promise<'overwrite' | 'skip'> {
    const decision = this.queue.then(async () => {
      if (this.always) {
        return this.always;
      }
      const answer = await this.ask(name);
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
