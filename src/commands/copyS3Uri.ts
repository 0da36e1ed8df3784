import { s3Uri } from '../links/objectLinks';
import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { copyAndConfirm } from '../ui/confirm';
import type { Services } from './services';

/** Copies `s3://bucket/key`, the form the awscli and rclone take. */
export async function copyS3Uri({ ui }: Services, node?: unknown): Promise<void> {
  const target = isObjectNode(node)
    ? { bucket: node.bucket, key: node.key }
    : isListingNode(node)
      ? { bucket: node.bucket, key: node.prefix }
      : undefined;
  if (target) {
    await copyAndConfirm(ui, s3Uri(target.bucket, target.key));
  }
}
