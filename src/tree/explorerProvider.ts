import * as vscode from 'vscode';
import type { ChangedPlace } from '../operations';
import { headObject } from '../r2';
import { withAbortSignal } from '../cancellation';
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

/** How often the rows shown are redrawn while the view is visible, so their ages ("6m") stay true. */
const AGE_REDRAW_MS = 60_000;

/** The R2 view's data: accounts at the root. An empty root shows the welcome view. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | ExplorerNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private roots?: AccountNode[];
  /**
   * The levels whose children the view has asked for, by id (the latest node of each): their rows
   * are redrawn as ages move on, and one Retry retries those that failed the same way.
   */
  private readonly shown = new Map<string, ListingNode>();

  constructor(private readonly context: TreeContext) {
    this.subscriptions = [
      this.changed,
      context.accounts.onDidChange(() => this.refresh()),
      context.changes.onDidChange((places) => this.refreshPlaces(places)),
      // Pins show at the top of their account: that account is listed again.
      context.pins.onDidChange((accountId) => this.refresh(this.roots?.find((root) => root.account.id === accountId))),
      // Redraws the rows shown, listing nothing again.
      watchIconTheme(context.viewState, () => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('r2.sortBy') || event.affectsConfiguration('r2.pageSize')) {
          this.refresh();
        }
      }),
    ];
  }

  /**
   * Follows the view: remembers what the user expands (see ViewState.expanded), and redraws the rows
   * shown once a minute while it is visible.
   */
  watch(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    const { expanded } = this.context.viewState;
    let timer: NodeJS.Timeout | undefined;
    const followVisibility = () => {
      clearInterval(timer);
      timer = view.visible ? setInterval(() => this.redrawAges(), AGE_REDRAW_MS) : undefined;
    };
    followVisibility();
    return vscode.Disposable.from(
      view.onDidExpandElement(({ element }) => expanded.add(element.id)),
      view.onDidCollapseElement(({ element }) => expanded.delete(element.id)),
      view.onDidChangeVisibility(() => {
        followVisibility();
        // Ages went on while the view was hidden.
        if (view.visible) {
          this.redrawAges();
        }
      }),
      new vscode.Disposable(() => clearInterval(timer)),
    );
  }

  /**
   * Lists `node` (or everything) anew; ids are stable and expansion is remembered, so expanded
   * nodes stay expanded. A failed level is retried with every level shown that failed the same way
   * in the same account: one outage, one Retry.
   */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.roots = undefined;
      this.shown.clear();
      this.changed.fire(undefined);
      return;
    }
    const alike = node instanceof ListingNode ? this.failedLike(node) : [];
    for (const level of [node, ...alike]) {
      if (level instanceof ListingNode) {
        level.reset();
      }
    }
    this.changed.fire(node);
    // A second event: the workbench redraws it after the first, whereas levels redrawn together
    // race over the row just clicked, which the first takes away (a TreeError in its log).
    if (alike.length > 0) {
      this.changed.fire(alike);
    }
  }

  /** Redraws `node` from what is loaded, without listing again. */
  redraw(node: ExplorerNode): void {
    this.changed.fire(node);
  }

  /** Redraws the object rows of expanded levels whose ages moved on, so they are true again; lists nothing. */
  redrawAges(): void {
    const { expanded } = this.context.viewState;
    const rows = [...this.shown.values()]
      .filter((level) => expanded.has(level.id))
      .flatMap((level) => level.loadedObjects())
      .filter((row) => row.ageIsStale);
    if (rows.length > 0) {
      this.changed.fire(rows);
    }
  }

  /** When `level`'s listing failed, the other levels shown in its account that failed the same way. */
  private failedLike(level: ListingNode): ListingNode[] {
    const cause = level.failedWith;
    if (cause === undefined) {
      return [];
    }
    return [...this.shown.values()].filter(
      (other) => other !== level && other.account.id === level.account.id && other.failedWith === cause,
    );
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node instanceof ListingNode) {
      this.shown.set(node.id, node);
    }
    if (node) {
      return node.getChildren();
    }
    this.roots ??= [...this.context.accounts.list()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((account) => new AccountNode(this.context, account));
    return this.roots;
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
      try {
        const client = await this.context.clients.get(node.account);
        const head = await withAbortSignal(token, (signal) =>
          headObject(client, { bucket: node.bucket, key: node.key }, signal),
        );
        item.tooltip = node.tooltip(head);
      } catch (error) {
        item.tooltip = node.tooltip(undefined, error instanceof Error ? error.message : String(error));
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
   * undefined when it does not exist. Levels that gained a row to show it are redrawn.
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
      const shown = level.loadedChild(step);
      const child: ExplorerNode | undefined = await level.childFor(step);
      if (child && !shown) {
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
