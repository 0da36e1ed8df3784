import { publicUrl } from '../links/objectLinks';
import type { BucketNode } from '../tree/bucketNode';
import { isAccountNode } from '../tree/nodeKinds';
import { copyAndConfirm } from '../ui/confirm';
import { messages } from '../ui/messages';
import { objectTarget } from './objectTarget';
import type { Services } from './services';

const TITLE = 'Copy Public URL';

/**
 * Copies the object's URL under its bucket's public base URL (r2.dev or a custom domain). A bucket
 * without one is offered "Set Public URL…" first, since S3 cannot tell it. Resolves to the URL.
 */
export async function copyPublicUrl(services: Services, arg?: unknown): Promise<string | undefined> {
  const target = await objectTarget(services, arg, TITLE, { useActiveEditor: true });
  const baseUrl = () => services.accounts.get(target.account.id)?.publicBaseUrls?.[target.bucket];
  if (baseUrl() === undefined) {
    const choice = await services.ui.showMessage(
      'info',
      messages.noPublicUrl(target.bucket),
      messages.setPublicUrlAction,
    );
    if (choice !== messages.setPublicUrlAction) {
      return undefined;
    }
    await services.ui.executeCommand(
      'r2.setPublicBaseUrl',
      await bucketNode(services, target.account.id, target.bucket),
    );
  }
  const base = baseUrl();
  if (base === undefined) {
    return undefined;
  }
  const url = publicUrl(base, target.key);
  await copyAndConfirm(services.ui, url);
  return url;
}

/** The bucket's node in the view, so r2.setPublicBaseUrl asks for the URL only. */
async function bucketNode({ explorer }: Services, accountId: string, bucket: string): Promise<BucketNode | undefined> {
  const account = (await explorer.getChildren()).filter(isAccountNode).find((root) => root.account.id === accountId);
  if (account && !account.loadedBucket(bucket)) {
    await account.getChildren();
  }
  return account?.loadedBucket(bucket);
}
