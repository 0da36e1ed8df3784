import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { pickLocalFolder } from '../ui/prompts';
import type { Services } from './services';
import { startSync } from './syncFlow';

/** "Sync R2 Folder to Local…": from a bucket or folder node, or the palette (the bucket folder picked). */
export async function syncR2ToLocal(services: Services, node?: unknown): Promise<void> {
  const title = messages.syncR2ToLocalTitle;
  const remote = isListingNode(node)
    ? node
    : await pickDestination(services, title, '', { hereLabel: messages.syncHere });
  const localFolder = (await pickLocalFolder(services.ui, title, messages.syncFolderOpenLabel)).fsPath;
  await startSync(services, 'toLocal', localFolder, remote);
}
