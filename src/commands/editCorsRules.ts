import { editBucketConfig } from './editLifecycleRules';
import type { Services } from './services';

/** Opens the bucket's CORS rules as a JSON document; saving it applies them. */
export async function editCorsRules(services: Services, node?: unknown): Promise<void> {
  await editBucketConfig(services, node, 'cors');
}
