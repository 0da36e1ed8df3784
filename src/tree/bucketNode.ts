import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';
import { ListingNode } from './listingNode';
import { PrefixNode } from './prefixNode';
import type { TreeContext } from './treeContext';

export class BucketNode extends ListingNode {
  readonly kind = 'bucket';
  readonly id: string;

  constructor(
    context: TreeContext,
    private readonly parent: ExplorerNode,
    account: Account,
    bucket: string,
    private readonly details: { pinned: boolean; creationDate?: Date },
  ) {
    super(context, account, bucket, '');
    this.id = `${parent.id}/${bucket}`;
  }

  get pinned(): boolean {
    return this.details.pinned;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.bucket, this.collapsibleState());
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('database');
    item.description = this.filteredDescription();
    const publicUrl = this.account.publicBaseUrls?.[this.bucket];
    item.contextValue = withStates(contextValues.bucket, {
      filtered: this.filter !== undefined,
      pinned: this.pinned,
      public: publicUrl !== undefined,
      readonly: this.account.readOnly === true,
    });
    item.tooltip = [
      `Bucket ${this.bucket}`,
      this.details.creationDate ? `Created ${this.details.creationDate.toLocaleString()}` : undefined,
      publicUrl ? `Public URL ${publicUrl}` : undefined,
      this.pinned ? 'Added by name' : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }

  protected createFolder(prefix: string): ExplorerNode {
    return new PrefixNode(this.context, this, this.account, this.bucket, prefix);
  }
}
