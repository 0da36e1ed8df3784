import { posix } from 'node:path';
import { contentType } from 'mime-types';
import { describeDuration, EXPIRY_PRESETS, parseExpiry } from '../links/presignExpiry';
import { curlCommand } from '../links/curlCommand';
import { baseName, presignUrl } from '../r2';
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
  const picked = await pick(
    ui,
    [
      ...EXPIRY_PRESETS.map((preset) => ({ label: preset.label, seconds: preset.seconds as number | undefined })),
      custom,
    ],
    {
      title: TITLE,
      placeHolder: messages.presignExpiryPlaceholder,
    },
  );
  if (picked.seconds !== undefined) {
    return picked.seconds;
  }
  const typed = await ask(ui, {
    title: TITLE,
    prompt: messages.presignCustomExpiryPrompt,
    placeHolder: messages.presignCustomExpiryExample,
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
 * For PUT: by default the URL binds no Content-Type, so a plain `curl --upload-file` (which sends
 * none, or one of its own) and a browser's fetch both upload with it; binding one is a choice, as
 * the upload must then send exactly that header. Undefined: none bound.
 */
async function pickBoundType(ui: UserInterface, key: string): Promise<string | undefined> {
  const any = {
    label: messages.presignAnyContentType,
    description: messages.presignAnyContentTypeDescription,
    bind: false,
  };
  const bind = {
    label: messages.presignBindContentType,
    description: messages.presignBindContentTypeDescription,
    bind: true,
  };
  if (!(await pick(ui, [any, bind], { title: TITLE, placeHolder: messages.presignContentTypePlaceholder })).bind) {
    return undefined;
  }
  const typed = await ask(ui, {
    title: TITLE,
    prompt: messages.presignContentTypePrompt,
    value: contentType(posix.extname(key)) || '',
    validateInput: (text) => (text.trim() === '' ? messages.presignContentTypeRequired : undefined),
  });
  return typed.trim();
}

/**
 * Signs a URL for one object on this machine (no request to R2) and copies it: GET by default, or
 * PUT (bound to a Content-Type only when chosen) or HEAD. The notification offers the curl command
 * that uses the URL. Resolves to the URL.
 */
export async function copyPresignedUrl(services: Services, arg?: unknown): Promise<string> {
  const target = await objectTarget(services, arg, TITLE, { useActiveEditor: true });
  const { ui } = services;
  const method = await pickMethod(ui);
  const boundType = method === 'PUT' ? await pickBoundType(ui, target.key) : undefined;
  const seconds = await pickExpirySeconds(ui);
  const client = await services.clients.get(target.account);
  const url = await presignUrl(client, {
    bucket: target.bucket,
    key: target.key,
    method,
    expiresInSeconds: seconds,
    contentType: boundType,
  });
  await ui.writeClipboard(url);
  const expires = new Date(Date.now() + seconds * 1000);
  void ui
    .showMessage(
      'info',
      messages.presignedUrlCopied(method, target.key, describeDuration(seconds), expires.toLocaleString(), boundType),
      messages.copyCurlCommand,
    )
    .then(async (action) => {
      if (action === messages.copyCurlCommand) {
        await ui.writeClipboard(curlCommand(method, url, baseName(target.key), boundType));
      }
    });
  return url;
}
