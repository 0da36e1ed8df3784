import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { toR2Uri } from '../fs/r2Uri';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';
import { ListingNode } from './listingNode';
import type { TreeContext } from './treeContext';

/** A folder: a common prefix ending in '/' (there may or may not be a `prefix/` marker object). */
export class PrefixNode extends ListingNode {
  readonly kind = 'prefix';
  readonly id: string;

  constructor(
    context: TreeContext,
    private readonly parent: ListingNode,
    account: Account,
    bucket: string,
    prefix: string,
  ) {
    super(context, account, bucket, prefix);
    this.id = toR2Uri({ accountId: account.id, bucket, key: prefix }).toString();
  }

  /**
   * The folder's name as VS Code's Explorer shows one, without the '/' that ends its prefix; an
   * empty segment (from `//`) shows as "/".
   */
  get label(): string {
    return this.prefix.slice(this.parent.prefix.length, -1) || '/';
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, this.collapsibleState());
    item.id = this.id;
    item.iconPath = vscode.ThemeIcon.Folder;
    // With a resource, the file icon theme draws the folder (by its name, open or closed); without
    // one, the view draws the folder codicon: for themes without folder icons, such as Seti.
    if (this.context.viewState.folderIcons) {
      item.resourceUri = toR2Uri({ accountId: this.account.id, bucket: this.bucket, key: this.prefix.slice(0, -1) });
    }
    item.description = this.filteredDescription();
    item.contextValue = withStates(contextValues.prefix, {
      filtered: this.filter !== undefined,
      readonly: this.account.readOnly === true,
    });
    item.tooltip = `${this.bucket}/${this.prefix}`;
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }

  protected createFolder(prefix: string): ExplorerNode {
    return new PrefixNode(this.context, this, this.account, this.bucket, prefix);
  }
}
