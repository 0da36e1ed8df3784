// The operations' questions, asked with modal dialogs.
import type { Asker, OverwriteAnswer, OverwriteQuestion } from '../operations';
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

  async overwrite({ name, where, changed, many }: OverwriteQuestion): Promise<OverwriteAnswer> {
    const question = changed ? messages.changedSinceAsked(name, where) : messages.alreadyExists(name, where);
    const actions = many ? [messages.overwriteAction, messages.skipAction, messages.overwriteAllAction, messages.skipAllAction] : [messages.overwriteAction];
    const choice = await this.ui.showModal(question, ...actions);
    return choice === undefined ? 'cancel' : ANSWERS[choice] ?? 'cancel';
  }
}
