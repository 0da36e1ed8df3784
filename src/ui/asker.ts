// The operations' questions, asked with modal dialogs.
import type { Asker, OverwriteAnswer, OverwriteQuestion, SideFacts } from '../operations';
import { formatBytes, formatDate } from './format';
import { messages } from './messages';
import type { UserInterface } from './userInterface';

const ANSWERS: Record<string, OverwriteAnswer> = {
  [messages.overwriteAction]: 'overwrite',
  [messages.skipAction]: 'skip',
  [messages.overwriteAllAction]: 'overwriteAll',
  [messages.skipAllAction]: 'skipAll',
};

/**
 * Asks with a modal warning. One of many items offers Overwrite, Skip, Overwrite All and Skip All;
 * a single item offers Overwrite. Cancel (or closing the dialog) answers 'cancel', which stops a batch.
 */
export class ModalAsker implements Asker {
  constructor(private readonly ui: UserInterface) {}

  async overwrite({ name, where, changed, many, sides }: OverwriteQuestion): Promise<OverwriteAnswer> {
    const asked = changed ? messages.changedSinceAsked(name, where) : messages.alreadyExists(name, where);
    const facts = sides
      ? [sides.existing, sides.incoming].filter((side): side is SideFacts => side !== undefined).map(describeSide)
      : [];
    const question = facts.length > 0 ? `${asked}\n\n${facts.join('\n')}` : asked;
    const actions = many
      ? [messages.overwriteAction, messages.skipAction, messages.overwriteAllAction, messages.skipAllAction]
      : [messages.overwriteAction];
    const choice = await this.ui.showModal(question, ...actions);
    return choice === undefined ? 'cancel' : (ANSWERS[choice] ?? 'cancel');
  }
}

/** "Local file: 14 B, modified 2026-12-01 10:02": the size and time to tell the two sides apart. */
function describeSide(side: SideFacts): string {
  const modified = side.modified
    ? `${formatDate(side.modified)} ${side.modified.toTimeString().slice(0, 5)}`
    : undefined;
  return messages.overwriteSide(
    side.place === 'local' ? messages.localFileSide : messages.r2Side,
    formatBytes(side.size),
    modified,
  );
}
