// The only way an operation can need a person: a typed question with a typed answer. A command
// asks with a modal dialog (src/ui/asker.ts); a sync or an agent tool answers by rule.

/** One side of an overwrite question: a local file or an object in R2. */
export interface SideFacts {
  readonly place: 'local' | 'r2';
  readonly size: number;
  readonly modified?: Date;
}

/** What is there now, and what would replace it: shown so the user can tell which is newer. */
export interface OverwriteSides {
  readonly existing: SideFacts;
  readonly incoming?: SideFacts;
}

/** The target of a write is taken: what now? "All" answers hold for the rest of the batch. */
export interface OverwriteQuestion {
  /** The key (or, downloading, the file path below the chosen folder) that is taken. */
  readonly name: string;
  /** Where: the bucket, or the local folder. */
  readonly where: string;
  /** Asked again: the target changed after the user chose to overwrite it. */
  readonly changed: boolean;
  /** One of many items: Overwrite All and Skip All are offered. */
  readonly many: boolean;
  readonly sides?: OverwriteSides;
}

export type OverwriteAnswer = 'overwrite' | 'skip' | 'overwriteAll' | 'skipAll' | 'cancel';

export interface Asker {
  overwrite(question: OverwriteQuestion): Promise<OverwriteAnswer>;
}

/** Answers every question the same way: for work with no one to ask. */
export function answering(answer: OverwriteAnswer): Asker {
  return { overwrite: () => Promise.resolve(answer) };
}
