import * as vscode from 'vscode';
import { s3Uri } from '../links/objectLinks';
import { ListingNode } from '../tree/listingNode';
import { ObjectNode } from '../tree/objectNode';
import { messages } from '../ui/messages';
import type { Services } from './services';

/** Copies `s3://bucket/key`, the form the awscli and rclone take. */
export async function copyS3Uri(_services: Services, node?: unknown): Promise<void> {
  const target = node instanceof ObjectNode ? { bucket: node.bucket, key: node.key } : node instanceof ListingNode ? { bucket: node.bucket, key: node.prefix } : undefined;
  if (target) {
    const uri = s3Uri(target.bucket, target.key);
    await vscode.env.clipboard.writeText(uri);
    void vscode.window.setStatusBarMessage(messages.urlCopied(uri), 3000);
  }
}
