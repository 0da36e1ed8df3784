import * as vscode from 'vscode';
import type { ChangedPlace } from '../operations';
import { headObject } from '../r2';
import { AccountNode } from './accountNode';
import type { ExplorerNode } from './explorerNode';
import { watchIconTheme } from './iconTheme';
import { ListingNode } from './listingNode';
import { ObjectNode } from './objectNode';
import type { TreeContext } from './treeContext';

/** The folder prefixes on the way to a key: `a/b/c.txt` → `a/`, `a/b/`. */
function folderSteps(key: string): string[] {
  return [...key.matchAll(/\//g)].map((match) => key.slice(0, match.index + 1));
}

/** The R2 view's data: accounts at the root. An empty root shows the welcome view. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private roots?: AccountNode[];

  constructor(private readonly context: TreeContext) {
    this.subscriptions = [
      this.changed,
      context.accounts.onDidChange(() => this.refresh()),
      context.changes.onDidChange((places) => this.refreshPlaces(places)),
      // Redraws the rows shown, listing nothing again.
      watchIconTheme(context.viewState, () => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('r2.sortBy') || event.affectsConfiguration('r2.pageSize')) {
          this.refresh();
        }
      }),
    ];
  }

  /** Lists `node` (or everything) anew; ids are stable, so expanded nodes stay expanded. */
  refresh(node?: ExplorerNode): void {
    if (node instanceof ListingNode) {
      node.reset();
    }
    if (!node) {
      this.roots = undefined;
    }
    this.changed.fire(node);
  }

  /** Redraws `node` from what is loaded, without listing again. */
  redraw(node: ExplorerNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) {
      return node.getChildren();
    }
    this.roots ??= [...this.context.accounts.list()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((account) => new AccountNode(this.context, account));
    return Promise.resolve(this.roots);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.getParent();
  }

  /** Tooltips of objects come from a HEAD request, made only when the user hovers. */
  async resolveTreeItem(
    item: vscode.TreeItem,
    node: ExplorerNode,
    token: vscode.CancellationToken,
  ): Promise<vscode.TreeItem> {
    if (node instanceof ObjectNode && item.tooltip === undefined) {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const head = await headObject(
          await this.context.clients.get(node.account),
          { bucket: node.bucket, key: node.key },
          controller.signal,
        );
        item.tooltip = node.tooltip(head);
      } catch (error) {
        item.tooltip = node.tooltip(undefined, error instanceof Error ? error.message : String(error));
      } finally {
        subscription.dispose();
      }
    }
    return item;
  }

  /** Lists anew the places where objects changed; a changed list of buckets, everything. */
  private refreshPlaces(places: readonly ChangedPlace[]): void {
    if (places.some((place) => place.bucket === undefined)) {
      this.refresh();
      return;
    }
    const unique = new Map(
      places.map((place) => [JSON.stringify([place.accountId, place.bucket, place.prefix ?? '']), place]),
    );
    for (const { accountId, bucket, prefix } of unique.values()) {
      this.refreshLocation(accountId, bucket ?? '', prefix ?? '');
    }
  }

  /**
   * Lists anew the deepest level already shown on the way to `prefix` (after an upload, a delete or
   * a new folder there): new keys appear without a manual refresh, and nothing unseen is listed.
   * A folder shown as a row is listed with its parent, since its row goes when its last object does.
   */
  refreshLocation(accountId: string, bucket: string, prefix: string): void {
    let level: ListingNode | undefined = this.roots
      ?.find((root) => root.account.id === accountId)
      ?.loadedBucket(bucket);
    for (const step of folderSteps(prefix)) {
      const next = level?.loadedChild(step);
      if (!(next instanceof ListingNode)) {
        break;
      }
      level = next;
    }
    const parent = level?.prefix === prefix && prefix !== '' ? level.getParent() : undefined;
    if (parent instanceof ListingNode) {
      level = parent;
    }
    if (level) {
      this.refresh(level);
    }
  }

  /**
   * The node of a key (object, or folder when it ends with '/'), loading each level on the way;
   * undefined when it does not exist. Levels filtered to reach it are redrawn.
   */
  async findKey(accountId: string, bucket: string, key: string): Promise<ExplorerNode | undefined> {
    const roots = await this.getChildren();
    const accountNode = roots.find(
      (root): root is AccountNode => root instanceof AccountNode && root.account.id === accountId,
    );
    if (!accountNode) {
      return undefined;
    }
    if (!accountNode.loadedBucket(bucket)) {
      await accountNode.getChildren();
    }
    let level: ExplorerNode | undefined = accountNode.loadedBucket(bucket);
    // Each folder on the way is a prefix ending at a '/'; the last step is the key itself.
    const steps = folderSteps(key);
    if (!key.endsWith('/')) {
      steps.push(key);
    }
    for (const step of steps) {
      if (!(level instanceof ListingNode)) {
        return undefined;
      }
      const filtered = level.filter;
      const child: ExplorerNode | undefined = await level.childFor(step);
      if (level.filter !== filtered) {
        this.redraw(level);
      }
      level = child;
    }
    return level;
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
