import * as vscode from 'vscode';
import { createBucket as createR2Bucket, LOCATION_HINTS } from '../r2';
import type { LocationHint } from '../r2';
import { AccountNode } from '../tree/accountNode';
import { messages } from '../ui/messages';
import { askBucketName, pickAccount } from '../ui/pickers';
import { pick } from '../ui/prompts';
import type { Services } from './services';

const HINT_NAMES: Record<LocationHint, string> = {
  wnam: 'Western North America',
  enam: 'Eastern North America',
  weur: 'Western Europe',
  eeur: 'Eastern Europe',
  apac: 'Asia-Pacific',
  oc: 'Oceania',
};

/** Creates a bucket; the name is checked against R2's rules before any request. */
export async function createBucket(services: Services, node?: unknown): Promise<void> {
  const account = node instanceof AccountNode ? node.account : await pickAccount(services.accounts, 'Create Bucket');
  const bucket = await askBucketName(`Create Bucket in ${account.name}`);
  const { hint } = await pick(
    [
      { label: 'Automatic', description: 'R2 places the bucket near where it is first used', hint: undefined as LocationHint | undefined },
      ...LOCATION_HINTS.map((value) => ({ label: HINT_NAMES[value], description: value, hint: value as LocationHint | undefined })),
    ],
    { title: `Create Bucket ${bucket}`, placeHolder: messages.locationHintPlaceholder },
  );
  const client = await services.clients.get(account);
  await createR2Bucket(client, { bucket, locationHint: hint }, client.deadline());
  services.explorer.refresh();
  void vscode.window.showInformationMessage(messages.bucketCreated(bucket));
}
