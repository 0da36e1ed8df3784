// Which node a command was given, told by its `kind`: the node classes import `vscode` to render,
// and commands that only read a node's account, bucket and key run in plain Node in unit tests.
import type { AccountNode } from './accountNode';
import type { BucketNode } from './bucketNode';
import type { NodeKind } from './explorerNode';
import type { ListingNode } from './listingNode';
import type { ObjectNode } from './objectNode';
import type { PinNode } from './pinNode';

function kindOf(value: unknown): NodeKind | undefined {
  return typeof value === 'object' && value !== null ? (value as { kind?: NodeKind }).kind : undefined;
}

export function isAccountNode(value: unknown): value is AccountNode {
  return kindOf(value) === 'account';
}

export function isBucketNode(value: unknown): value is BucketNode {
  return kindOf(value) === 'bucket';
}

/** A bucket or a folder: a level of a bucket that lists keys. */
export function isListingNode(value: unknown): value is ListingNode {
  const kind = kindOf(value);
  return kind === 'bucket' || kind === 'prefix';
}

export function isObjectNode(value: unknown): value is ObjectNode {
  return kindOf(value) === 'object';
}

export function isPinNode(value: unknown): value is PinNode {
  return kindOf(value) === 'pin';
}
