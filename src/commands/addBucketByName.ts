import * as vscode from 'vscode';
import { endpointConfig } from '../accounts/account';
import { AccountProblem, validateAccount } from '../accounts/validateAccount';
import { AccountNode } from '../tree/accountNode';
import { messages } from '../ui/messages';
import { askBucketName, pickAccount } from '../ui/pickers';
import { withCancellableProgress } from '../ui/prompts';
import type { Services } from './services';

/**
 * Remembers a bucket for the account after one HeadBucket: the way to reach buckets with a
 * bucket-scoped token, which cannot list them.
 */
export async function addBucketByName({ accounts }: Services, node?: unknown): Promise<void> {
  const account = node instanceof AccountNode ? node.account : await pickAccount(accounts, 'Add Bucket by Name');
  const title = `Add Bucket to ${account.name}`;
  let bucket = await askBucketName(title);
  const secretAccessKey = (await accounts.getSecret(account.id)) ?? '';
  for (;;) {
    try {
      const checked = bucket;
      await withCancellableProgress(messages.checkingAccount(checked), (signal) =>
        validateAccount(endpointConfig(account), { accessKeyId: account.accessKeyId, secretAccessKey }, signal, checked));
      break;
    } catch (error) {
      if (!(error instanceof AccountProblem)) {
        throw error;
      }
      if ((await vscode.window.showErrorMessage(error.message, messages.fixAction)) !== messages.fixAction) {
        return;
      }
      bucket = await askBucketName(title, bucket);
    }
  }
  await accounts.update(account.id, (current) => ({ ...current, pinnedBuckets: [...new Set([...(current.pinnedBuckets ?? []), bucket])] }));
  void vscode.window.showInformationMessage(messages.bucketAdded(bucket, account.name));
}
