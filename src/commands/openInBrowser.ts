// Open in Browser: the object where browsers play and show it (PDFs, audio, video, HTML). The
// bucket's public URL when it has one; otherwise a presigned GET that lives only long enough to
// load the object, so the link the browser's history keeps soon stops working.
import { publicUrl } from '../links/objectLinks';
import { presignUrl } from '../r2';
import { objectTarget } from './objectTarget';
import type { Services } from './services';

/** Long enough to start playing a long video (the browser then streams on one request), short for a history entry. */
const BROWSER_LINK_SECONDS = 15 * 60;

export async function openInBrowser(services: Services, arg?: unknown): Promise<void> {
  const target = await objectTarget(services, arg, 'Open in Browser', { useActiveEditor: true });
  const base = services.accounts.get(target.account.id)?.publicBaseUrls?.[target.bucket];
  const url =
    base !== undefined
      ? publicUrl(base, target.key)
      : await presignUrl(await services.clients.get(target.account), {
          bucket: target.bucket,
          key: target.key,
          method: 'GET',
          expiresInSeconds: BROWSER_LINK_SECONDS,
        });
  await services.ui.openExternal(url);
}
