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
  // Unsaved edits: asked first, and saved only once a destination is chosen (Escape there then
  // leaves the document as it was).
  let save = false;
  if (services.ui.isDirty(uri)) {
    const choice = await services.ui.showModal(
      messages.activeFileUnsaved(basename(uri.fsPath)),
      messages.saveAndUploadAction,
      messages.uploadSavedVersionAction,
    );
    if (choice === undefined) {
      return;
    }
    save = choice === messages.saveAndUploadAction;
  }
  const destination = await pickDestination(services, 'Upload Active File to R2', basename(uri.fsPath));
  if (save) {
    await services.ui.saveIfDirty(uri);
  }
  await uploadTo(services, destination, [uri.fsPath]);
}
