import { isListingNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { pickLocalFolder } from '../ui/prompts';
import { isUri } from './commandArgs';
import type { Services } from './services';
import { startSync } from './syncFlow';

/**
 * "Sync Local Folder to R2…": from an Explorer folder (then the bucket folder is picked), a bucket
 * or folder node (then the local folder), or the palette (both).
 */
export async function syncLocalToR2(services: Services, target?: unknown): Promise<void> {
  const title = messages.syncLocalToR2Title;
  const remote = isListingNode(target)
    ? { account: target.account, bucket: target.bucket, prefix: target.prefix }
    : undefined;
  const localFolder = isUri(target)
    ? target.fsPath
    : (await pickLocalFolder(services.ui, title, messages.syncFolderOpenLabel)).fsPath;
  await startSync(
    services,
    'toR2',
    localFolder,
    remote ?? (await pickDestination(services, title, '', { hereLabel: messages.syncHere })),
  );
}
