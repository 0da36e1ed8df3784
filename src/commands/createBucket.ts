import { createBucket as createR2Bucket } from '../operations';
import { LOCATION_HINTS } from '../r2';
import type { LocationHint } from '../r2';
import { isAccountNode } from '../tree/nodeKinds';
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
  const { ui } = services;
  const account = isAccountNode(node) ? node.account : await pickAccount(ui, services.accounts, 'Create Bucket');
  const bucket = await askBucketName(ui, `Create Bucket in ${account.name}`);
  const { hint } = await pick(
    ui,
    [
      {
        label: 'Automatic',
        description: 'R2 places the bucket near where it is first used',
        hint: undefined as LocationHint | undefined,
      },
      ...LOCATION_HINTS.map((value) => ({
        label: HINT_NAMES[value],
        description: value,
        hint: value as LocationHint | undefined,
      })),
    ],
    { title: `Create Bucket ${bucket}`, placeHolder: messages.locationHintPlaceholder },
  );
  const client = await services.clients.get(account);
  const outcome = await createR2Bucket({ client, account, bucket, locationHint: hint }, client.deadline());
  services.changes.fire(outcome.changed);
  void ui.showMessage('info', messages.bucketCreated(bucket));
}
