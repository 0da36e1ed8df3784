// "Paste Image to R2…": an image on the clipboard becomes a PNG object. The image is pasted into a
// pad (a webview: VS Code's clipboard API reads only text, and in a browser the extension host is
// not on the user's machine), named from r2.pasteImage.nameTemplate, then uploaded as files are:
// created only while the name is free, replaced only when the user chooses Overwrite.
import { posix } from 'node:path';
import { describeDestination, withPngFile } from '../operations';
import type { Destination } from '../operations';
import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { pasteDestination } from '../tree/selection';
import { messages } from '../ui/messages';
import { pickDestination } from '../ui/pickers';
import { ask } from '../ui/prompts';
import { UserCancelled } from '../ui/userInterface';
import { nameTemplateSetting, PASTE_IMAGE_NAME_TEMPLATE } from './nameTemplateSetting';
import { refusesWrite } from './readOnly';
import type { Services } from './services';
import { uploadFilesTo } from './upload';

/** What a pasted image is called when the clipboard gives it no name, for `${fileName}`. */
const UNNAMED_IMAGE = 'image.png';

function imageNameProblem(name: string): string | undefined {
  return name.trim() === '' || name.includes('/') ? messages.objectNameProblem : undefined;
}

/** On a bucket, folder or object row (the object's folder), or from the palette (a destination is picked). */
export async function pasteImage(services: Services, node?: unknown): Promise<void> {
  // Checked before anything opens: a template that cannot name the image stops here.
  const preview = nameTemplateSetting(services, PASTE_IMAGE_NAME_TEMPLATE)(UNNAMED_IMAGE);
  let destination: Destination;
  if (isListingNode(node) || isObjectNode(node)) {
    const folder = pasteDestination(node);
    if (!folder || refusesWrite(services.ui, [folder])) {
      return;
    }
    destination = { account: folder.account, bucket: folder.bucket, prefix: folder.prefix };
  } else {
    destination = await pickDestination(services, 'Paste Image to R2', preview);
  }
  const where = describeDestination(destination);
  const image = await services.ui.pasteImage(messages.pasteImageTitle(where));
  if (!image) {
    throw new UserCancelled();
  }
  // Named now: ${dateTime} is when the image was pasted, not when the pad opened.
  const suggested = nameTemplateSetting(services, PASTE_IMAGE_NAME_TEMPLATE)(image.name || UNNAMED_IMAGE);
  const key = await ask(services.ui, {
    title: messages.pasteImageName(where),
    prompt: messages.pasteImageNamePrompt,
    value: suggested,
    // The name selected without its extension: typing replaces the name and keeps `.png`.
    valueSelection: [0, suggested.length - posix.extname(suggested).length],
    validateInput: imageNameProblem,
  });
  await withPngFile(image.bytes, key, (file) => uploadFilesTo(services, destination, [file]));
}
