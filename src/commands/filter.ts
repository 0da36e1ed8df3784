import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/** Narrows a bucket or folder to keys starting with some text, by listing with that prefix on the server. */
export async function filter({ ui, explorer, viewState }: Services, node?: unknown): Promise<void> {
  if (!isListingNode(node)) {
    return;
  }
  const text = await ask(ui, {
    title: 'Filter',
    prompt: messages.filterPrompt(`${node.bucket}/${node.prefix}`),
    placeHolder: messages.filterPlaceholder,
    value: node.filter,
    validateInput: () => undefined,
  });
  if (text === '') {
    viewState.filters.delete(node.id);
  } else {
    viewState.filters.set(node.id, text);
  }
  explorer.refresh(node);
}
