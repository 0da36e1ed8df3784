import { posix } from 'node:path';
import { contentType } from 'mime-types';
import { describeDuration, EXPIRY_PRESETS, parseExpiry } from '../links/presignExpiry';
import { presignUrl } from '../r2';
import type { PresignInput } from '../r2';
import { messages } from '../ui/messages';
import { ask, pick } from '../ui/prompts';
import type { UserInterface } from '../ui/userInterface';
import { objectTarget } from './objectTarget';
import type { Services } from './services';

const TITLE = 'Copy Presigned URL';

async function pickMethod(ui: UserInterface): Promise<PresignInput['method']> {
  const methods = [
    { label: 'GET', description: messages.presignGetDescription, method: 'GET' as const },
    { label: 'PUT', description: messages.presignPutDescription, method: 'PUT' as const },
    { label: 'HEAD', description: messages.presignHeadDescription, method: 'HEAD' as const },
  ];
  return (await pick(ui, methods, { title: TITLE, placeHolder: messages.presignMethodPlaceholder })).method;
}

async function pickExpirySeconds(ui: UserInterface): Promise<number> {
  const custom = { label: messages.presignCustomExpiry, seconds: undefined };
  const picked = await pick(ui, [...EXPIRY_PRESETS.map((preset) => ({ label: preset.label, seconds: preset.seconds as number | undefined })), custom], {
    title: TITLE,
    placeHolder: messages.presignExpiryPlaceholder,
  });
  if (picked.seconds !== undefined) {
    return picked.seconds;
  }
  const typed = await ask(ui, {
    title: TITLE,
    prompt: messages.presignCustomExpiryPrompt,
    placeHolder: 'e.g. 90, 30m, 12h, 3d',
    validateInput: (text) => {
      const parsed = parseExpiry(text);
      return 'problem' in parsed ? parsed.problem : undefined;
    },
  });
  const parsed = parseExpiry(typed);
  if ('problem' in parsed) {
    throw new Error(parsed.problem);
  }
  return parsed.seconds;
}

/**
 * Signs a URL for one object on this machine (no request to R2) and copies it: GET by default, or
 * PUT (optionally bound to a Content-Type, which the upload must then send) or HEAD. Resolves to
 * the URL.
 */
export async function copyPresignedUrl(services: Services, arg?: unknown): Promise<string> {
  const target = await objectTarget(services, arg, TITLE, { useActiveEditor: true });
  const { ui } = services;
  const method = await pickMethod(ui);
  let boundType: string | undefined;
  if (method === 'PUT') {
    const typed = await ask(
      ui,
      { title: TITLE, prompt: messages.presignContentTypePrompt, value: contentType(posix.extname(target.key)) || '', validateInput: () => undefined },
    );
    boundType = typed === '' ? undefined : typed;
  }
  const seconds = await pickExpirySeconds(ui);
  const client = await services.clients.get(target.account);
  const url = await presignUrl(client, { bucket: target.bucket, key: target.key, method, expiresInSeconds: seconds, contentType: boundType });
  await ui.writeClipboard(url);
  const expires = new Date(Date.now() + seconds * 1000);
  void ui.showMessage('info', messages.presignedUrlCopied(method, target.key, describeDuration(seconds), expires.toLocaleString(), boundType));
  return url;
}
