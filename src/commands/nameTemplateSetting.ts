// The name template settings (r2.upload.nameTemplate, r2.pasteImage.nameTemplate), read when a
// command runs so a change applies to the next upload.
import { checkNameTemplate } from '../operations';
import type { NameTemplate } from '../operations';
import { messages } from '../ui/messages';
import { UserCancelled } from '../ui/userInterface';
import type { Services } from './services';

export const UPLOAD_NAME_TEMPLATE = { name: 'upload.nameTemplate', fallback: '${fileName}' } as const;
export const PASTE_IMAGE_NAME_TEMPLATE = {
  name: 'pasteImage.nameTemplate',
  fallback: 'image-${dateTime}.png',
} as const;

/**
 * What the setting names files; a template that cannot name them stops the command (nothing is sent)
 * with a message that says why and opens the setting.
 */
export function nameTemplateSetting(
  services: Services,
  setting: typeof UPLOAD_NAME_TEMPLATE | typeof PASTE_IMAGE_NAME_TEMPLATE,
): NameTemplate {
  const id = `r2.${setting.name}`;
  const checked = checkNameTemplate(id, services.settings.get<string>(setting.name, setting.fallback));
  if (checked.ok) {
    return checked.name;
  }
  void services.ui
    .showMessage('error', checked.reason, messages.openSettingsAction)
    .then((action) => action && services.ui.executeCommand('workbench.action.openSettings', id));
  throw new UserCancelled();
}
