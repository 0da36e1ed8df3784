import { basename } from 'node:path';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { isUri } from './commandArgs';
import type { Services } from './services';
import { uploadTo } from './upload';

/** The file of the active editor (text or not), or of the editor whose title or tab was right-clicked. */
export async function uploadActiveFile(services: Services, target?: unknown): Promise<void> {
  const uri = isUri(target) ? target : services.ui.activeResource();
  if (!uri || uri.scheme !== 'file') {
    void services.ui.showMessage('warning', messages.noActiveFile);
    return;
  }
  // Upload what the user sees: unsaved edits are saved first.
  await services.ui.saveIfDirty(uri);
  const destination = await pickDestination(services, 'Upload Active File to R2', basename(uri.fsPath));
  await uploadTo(services, destination, [uri.fsPath]);
}
