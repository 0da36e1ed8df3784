// A second extension for VS Code's own share of a large tree: the R2 extension's manifest with this
// module as its code. Its provider keeps one small object per row (the key) and builds each tree
// item on demand with the fields the R2 view gives an object's row (label, id, resource URI, file
// icon, description, context value, click command; the tooltip, as in the R2 view, only on hover).
// What the extension host holds after listing it is what VS Code keeps for such a tree: its tree
// nodes, handles, serialized items and commands. Paged like the R2 view: "Load more…" per 1,000.
import * as vscode from 'vscode';
import { keyName } from '../keys';

const PAGE_SIZE = 1000;
/** As long as an account entry's id (a UUID), the authority of the R2 view's URIs. */
const ACCOUNT_ID = '00000000-0000-4000-8000-000000000000';
const BUCKET = 'r2-bench';
/** The age a freshly seeded object's row shows. */
const AGE = 'now';

interface Folder {
  readonly prefix: string;
}
interface Row {
  readonly key: string;
}
interface LoadMore {
  readonly loaded: number;
}
type Element = Folder | Row | LoadMore;

export interface PlainTreeApi {
  readonly provider: vscode.TreeDataProvider<Element>;
  readonly view: vscode.TreeView<Element>;
  /** Shows the folder of `keys` keys under `prefix` (its first page when expanded). */
  show(prefix: string, keys: number): Folder;
  hasMore(): boolean;
}

function uri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'r2', authority: ACCOUNT_ID, path: `/${BUCKET}/${key}` });
}

class PlainTree implements vscode.TreeDataProvider<Element> {
  private readonly changed = new vscode.EventEmitter<Element | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  folder?: Folder;
  private keys = 0;
  private rows: Row[] = [];

  show(prefix: string, keys: number): Folder {
    this.folder = { prefix };
    this.keys = keys;
    this.rows = [];
    this.changed.fire(undefined);
    return this.folder;
  }

  hasMore(): boolean {
    return this.rows.length < this.keys;
  }

  /** "Load more…": the next page, then the level drawn again, as the R2 view does. */
  loadMore(): void {
    if (this.folder && this.hasMore()) {
      this.addPage(this.folder);
      this.changed.fire(this.folder);
    }
  }

  private addPage(folder: Folder): void {
    const end = Math.min(this.keys, this.rows.length + PAGE_SIZE);
    for (let index = this.rows.length; index < end; index++) {
      this.rows.push({ key: keyName(folder.prefix, index) });
    }
  }

  getChildren(element?: Element): Element[] {
    if (!element) {
      return this.folder ? [this.folder] : [];
    }
    if (element !== this.folder) {
      return [];
    }
    // The first page comes with the expand, as the R2 view lists it.
    if (this.rows.length === 0) {
      this.addPage(element);
    }
    return this.hasMore() ? [...this.rows, { loaded: this.rows.length }] : [...this.rows];
  }

  getParent(element: Element): Element | undefined {
    return element === this.folder ? undefined : this.folder;
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if ('prefix' in element) {
      const item = new vscode.TreeItem(element.prefix.slice(0, -1), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = uri(element.prefix).toString();
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'r2.prefix';
      return item;
    }
    if ('loaded' in element) {
      const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
      item.id = `${uri(this.folder?.prefix ?? '').toString()}#loadMore`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.description = `${element.loaded.toLocaleString('en')} loaded`;
      item.contextValue = 'r2.loadMore';
      item.command = { command: 'r2.loadMore', title: 'Load More', arguments: [this.folder] };
      return item;
    }
    const resource = uri(element.key);
    const item = new vscode.TreeItem(
      { label: element.key.slice(this.folder?.prefix.length ?? 0) },
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = resource.toString();
    item.resourceUri = resource;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = `0 B · ${AGE}`;
    item.contextValue = 'r2.object';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [resource] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, element: Element): vscode.TreeItem {
    if ('key' in element) {
      item.tooltip = new vscode.MarkdownString(`**${element.key}**`);
    }
    return item;
  }
}

export function activate(context: vscode.ExtensionContext): PlainTreeApi {
  const provider = new PlainTree();
  const view = vscode.window.createTreeView<Element>('r2Explorer', { treeDataProvider: provider, canSelectMany: true });
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('r2.loadMore', () => provider.loadMore()),
  );
  return {
    provider,
    view,
    show: (prefix, keys) => provider.show(prefix, keys),
    hasMore: () => provider.hasMore(),
  };
}
