import { endpointConfig, withWriteAccess } from '../accounts/account';
import { AccountProblem, validateAccount } from '../accounts/validateAccount';
import { isAccountNode } from '../tree/nodeKinds';
import { messages } from '../ui/messages';
import { askBucketName, pickAccount } from '../ui/pickers';
import type { Services } from './services';

/**
 * Remembers a bucket for the account after one HeadBucket: the way to reach buckets with a
 * bucket-scoped token, which cannot list them.
 */
export async function addBucketByName({ ui, accounts }: Services, node?: unknown): Promise<void> {
  const account = isAccountNode(node) ? node.account : await pickAccount(ui, accounts, 'Add Bucket by Name');
  const title = `Add Bucket to ${account.name}`;
  let bucket = await askBucketName(ui, title);
  const secretAccessKey = (await accounts.getSecret(account.id)) ?? '';
  let canWrite: boolean | undefined;
  for (;;) {
    try {
      const checked = bucket;
      canWrite = (
        await ui.withProgress(messages.checkingAccount(checked), (signal) =>
          validateAccount(
            endpointConfig(account),
            { accessKeyId: account.accessKeyId, secretAccessKey },
            signal,
            checked,
          ),
        )
      ).canWrite;
      break;
    } catch (error) {
      if (!(error instanceof AccountProblem)) {
        throw error;
      }
      if ((await ui.showMessage('error', error.message, messages.fixAction)) !== messages.fixAction) {
        return;
      }
      bucket = await askBucketName(ui, title, bucket);
    }
  }
  // For an object token, which cannot list buckets, the first chance to learn whether it may write.
  await accounts.update(account.id, (current) =>
    withWriteAccess({ ...current, pinnedBuckets: [...new Set([...(current.pinnedBuckets ?? []), bucket])] }, canWrite),
  );
  void ui.showMessage('info', messages.bucketAdded(bucket, account.name));
}
