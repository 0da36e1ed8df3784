import * as vscode from 'vscode';
import { sendsUnencrypted } from '../accounts/account';
import type { Account } from '../accounts/account';
import { DEADLINE_MS, isR2Error, listBuckets } from '../r2';
import type { R2Bucket } from '../r2';
import { messages as text } from '../ui/messages';
import { BucketNode } from './bucketNode';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';
import { failureRow, MessageNode } from './messageNode';
import { PinNode } from './pinNode';
import { pinnedExists } from './pins';
import type { TreeContext } from './treeContext';

export class AccountNode implements ExplorerNode {
  readonly kind = 'account';
  readonly id: string;
  private buckets?: Map<string, BucketNode>;

  constructor(
    private readonly context: TreeContext,
    readonly account: Account,
  ) {
    this.id = `account:${account.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // Plain http to another machine: the row says so for as long as the account is configured that way.
    const unencrypted = sendsUnencrypted(this.account.endpoint);
    item.iconPath = unencrypted
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('cloud');
    item.contextValue = withStates(contextValues.account, { readonly: this.account.readOnly === true });
    // "sandbox" and "read-only" before the endpoint, which the side bar's default width cuts off.
    const parts = [
      this.account.fromSandbox && text.sandboxAccount,
      this.account.readOnly && text.readOnlyAccount,
      this.account.endpoint ?? (this.account.jurisdiction !== 'default' && this.account.jurisdiction.toUpperCase()),
      unencrypted && text.notEncrypted,
    ].filter((part) => typeof part === 'string');
    item.description = parts.length > 0 ? parts.join(' · ') : undefined;
    const tooltipNotes = [
      this.account.readOnly && text.readOnlyTooltip,
      unencrypted && text.unencryptedTooltip,
      this.account.fromSandbox && text.sandboxTooltip,
    ].filter((note) => typeof note === 'string');
    const where =
      this.account.endpoint ??
      `Account ${this.account.accountId ?? ''}${this.account.jurisdiction === 'default' ? '' : ` (${this.account.jurisdiction})`}`;
    item.tooltip = [this.account.name, where, `Access key ${this.account.accessKeyId}`, ...tooltipNotes].join('\n');
    return item;
  }

  /** The bucket node already shown for this name, if any (for reveal). */
  loadedBucket(name: string): BucketNode | undefined {
    return this.buckets?.get(name);
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const pinned = this.account.pinnedBuckets ?? [];
    let listed: R2Bucket[] = [];
    const messages: ExplorerNode[] = [];
    try {
      listed = await listBuckets(
        await this.context.clients.get(this.account),
        AbortSignal.timeout(DEADLINE_MS.bucketList),
      );
    } catch (error) {
      // AccessDenied here is an Object Read/Write token scoped to some buckets, not a failure.
      if (isR2Error(error, 'AccessDenied')) {
        messages.push(
          new MessageNode(this, 'This token cannot list buckets: Add Bucket by Name…', {
            kind: 'info',
            icon: 'add',
            tooltip:
              'Object Read/Write tokens reach only the buckets they are scoped to, and cannot list them. Add each by name.',
            command: { command: 'r2.addBucketByName', title: 'Add Bucket by Name…', arguments: [this] },
          }),
        );
      } else {
        this.context.log.error(`Listing buckets of ${this.account.name} failed: ${String(error)}`);
        messages.push(
          failureRow(this, this.account, error, { command: 'r2.refresh', title: 'Retry', arguments: [this] }),
        );
      }
    }
    const byName = new Map<string, BucketNode>();
    for (const bucket of listed) {
      byName.set(
        bucket.name,
        new BucketNode(this.context, this, this.account, bucket.name, {
          pinned: pinned.includes(bucket.name),
          creationDate: bucket.creationDate,
        }),
      );
    }
    for (const name of pinned) {
      if (!byName.has(name)) {
        byName.set(name, new BucketNode(this.context, this, this.account, name, { pinned: true }));
      }
    }
    this.buckets = byName;
    const buckets = [...byName.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
    if (buckets.length === 0 && messages.length === 0) {
      messages.push(new MessageNode(this, 'No buckets', { kind: 'info' }));
    }
    return [...(await this.pinRows()), ...messages, ...buckets];
  }

  /** The account's pins, each checked (in parallel) to still exist: a HEAD, or a list of one key. */
  private async pinRows(): Promise<PinNode[]> {
    const pins = this.context.pins.of(this.account.id);
    if (pins.length === 0) {
      return [];
    }
    const client = await this.context.clients.get(this.account);
    const signal = AbortSignal.timeout(DEADLINE_MS.bucketList);
    return Promise.all(
      pins.map(async (pin) => new PinNode(this, this.account, pin, !(await pinnedExists(client, pin, signal)))),
    );
  }

  getParent(): undefined {
    return undefined;
  }
}
