// The only way an operation can need a person: a typed question with a typed answer. A command
// asks with a modal dialog (src/ui/asker.ts); a sync or an agent tool answers by rule.

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
}

export type OverwriteAnswer = 'overwrite' | 'skip' | 'overwriteAll' | 'skipAll' | 'cancel';

export interface Asker {
  overwrite(question: OverwriteQuestion): Promise<OverwriteAnswer>;
}

/** Answers every question the same way: for work with no one to ask. */
export function answering(answer: OverwriteAnswer): Asker {
  return { overwrite: () => Promise.resolve(answer) };
}
