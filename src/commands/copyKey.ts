import * as vscode from 'vscode';
import { ListingNode } from '../tree/listingNode';
import { ObjectNode } from '../tree/objectNode';
import { messages } from '../ui/messages';
import type { Services } from './services';

/** Copies the key of an object (or the prefix of a folder), verbatim. */
export async function copyKey(_services: Services, node?: unknown): Promise<void> {
  const key = node instanceof ObjectNode ? node.key : node instanceof ListingNode ? node.prefix : undefined;
  if (key !== undefined) {
    await vscode.env.clipboard.writeText(key);
    void vscode.window.setStatusBarMessage(messages.urlCopied(key), 3000);
  }
}
