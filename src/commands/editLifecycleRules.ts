import type { ConfigKind } from '../fs/bucketConfigDocument';
import { toConfigUri } from '../fs/bucketConfigProvider';
import { isBucketNode } from '../tree/nodeKinds';
import { pickAccount, pickBucket } from '../ui/pickers';
import type { Services } from './services';

const TITLES: Record<ConfigKind, string> = { cors: 'Edit CORS Rules', lifecycle: 'Edit Lifecycle Rules' };

/** Opens a bucket setting as a JSON document (an `r2-config:` URI); saving it checks and applies it. */
export async function editBucketConfig(
  { ui, accounts, clients }: Services,
  node: unknown,
  kind: ConfigKind,
): Promise<void> {
  const account = isBucketNode(node) ? node.account : await pickAccount(ui, accounts, TITLES[kind]);
  const bucket = isBucketNode(node) ? node.bucket : await pickBucket(ui, account, clients, TITLES[kind]);
  const document = await ui.showTextDocument(toConfigUri({ accountId: account.id, bucket, kind }));
  if (!document.isDirty) {
    // A document opened before may still show the rules of then: R2 cannot tell VS Code they changed.
    await ui.executeCommand('workbench.action.files.revert');
  }
}

/** Opens the bucket's lifecycle rules as a JSON document; saving it applies them. */
export async function editLifecycleRules(services: Services, node?: unknown): Promise<void> {
  await editBucketConfig(services, node, 'lifecycle');
}
