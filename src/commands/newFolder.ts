import { isR2Error, putObject } from '../r2';
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
  const name = await ask(services.ui, { title: 'New Folder', prompt: messages.newFolderPrompt(`${node.bucket}/${node.prefix}`), validateInput: folderNameProblem }, { verbatim: true });
  const key = `${node.prefix}${name}/`;
  try {
    const client = await services.clients.get(node.account);
    await putObject(client, { bucket: node.bucket, key, body: '', ifNoneMatch: '*' }, client.deadline());
  } catch (error) {
    if (!isR2Error(error, 'AlreadyExists')) {
      throw error;
    }
    void services.ui.showMessage('info', messages.folderExists(key));
  }
  services.explorer.refresh(node);
}
