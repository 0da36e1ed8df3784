import { createFolder } from '../operations';
import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { folderNameProblem } from '../ui/pickers';
import { ask } from '../ui/prompts';
import type { Services } from './services';

/** Creates a folder as a `prefix/` marker object (the folder exists before anything is in it). */
export async function newFolder(services: Services, node?: unknown): Promise<void> {
  if (!isListingNode(node)) {
    return;
  }
  const { ui } = services;
  const name = await ask(
    ui,
    {
      title: 'New Folder',
      prompt: messages.newFolderPrompt(`${node.bucket}/${node.prefix}`),
      validateInput: folderNameProblem,
    },
    { verbatim: true },
  );
  const client = await services.clients.get(node.account);
  const outcome = await createFolder(
    { client, account: node.account, bucket: node.bucket, parent: node.prefix, name },
    client.deadline(),
  );
  for (const existing of outcome.skipped) {
    void ui.showMessage('info', messages.folderExists(existing));
  }
  services.changes.fire(outcome.changed);
}
