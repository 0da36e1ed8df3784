import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { isR2Error, listPage } from '../r2';
import type { R2Object } from '../r2';
import type { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { failureRow, MessageNode } from './messageNode';
import { ObjectNode } from './objectNode';
import type { TreeContext } from './treeContext';
import type { SortOrder } from './viewState';

/** The pages loaded so far; child nodes are kept so `reveal()` finds the same instances. */
interface Loaded {
  readonly folders: Map<string, ExplorerNode>;
  /**
   * In listing order. A list, not a map by key: a map's table took 46 bytes a row, more than the
   * rest of the level, for lookups that come one at a time (reveal, Go to Key).
   */
  readonly objects: ObjectNode[];
  /** How many pages were added: a page comes in only onto the pages it was asked after. */
  pages: number;
  nextToken?: string;
}

const COMPARE: Record<SortOrder, (a: ObjectNode, b: ObjectNode) => number> = {
  name: () => 0,
  size: (a, b) => b.size - a.size,
  date: (a, b) => b.lastModifiedMs - a.lastModifiedMs,
};

/**
 * A level of a bucket (the bucket itself or a folder): one ListObjectsV2 page per expand, more on
 * "Load more…". Keys are compared as listed, in the server's (UTF-8 byte) order.
 */
export abstract class ListingNode implements ExplorerNode {
  abstract readonly kind: 'bucket' | 'prefix';
  abstract readonly id: string;
  private loaded?: Loaded;
  /**
   * Children found by asking R2 for them alone (Go to Key, reveal past the loaded pages): shown after
   * the loaded pages until a page brings them, so the level needs no filter to show them.
   */
  private found = new Map<string, ExplorerNode>();
  private failure?: unknown;
  private controller = new AbortController();

  constructor(
    protected readonly context: TreeContext,
    readonly account: Account,
    readonly bucket: string,
    /** Empty for the bucket's root, otherwise ends with '/'. */
    readonly prefix: string,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;
  abstract getParent(): ExplorerNode | undefined;
  protected abstract createFolder(prefix: string): ExplorerNode;

  get filter(): string | undefined {
    return this.context.viewState.filters.get(this.id);
  }

  /** Forgets the loaded pages (and stops a listing in flight): the next expand lists anew. */
  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.loaded = undefined;
    this.found = new Map();
    this.failure = undefined;
  }

  /** How the last listing failed (an R2Error code), or undefined when it did not. */
  get failedWith(): string | undefined {
    if (this.failure === undefined) {
      return undefined;
    }
    return isR2Error(this.failure) ? this.failure.code : String(this.failure);
  }

  /** The objects shown in this level, whose rows show their ages. */
  loadedObjects(): ObjectNode[] {
    const found = [...this.found.values()].filter((node) => node instanceof ObjectNode);
    return [...(this.loaded?.objects ?? []), ...found];
  }

  get hasMore(): boolean {
    return this.loaded?.nextToken !== undefined;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.loaded && !this.failure) {
      await this.loadPage();
    }
    return this.render();
  }

  /** Loads the next page into this level; a failure shows as an error node. */
  async loadMore(): Promise<void> {
    if (this.hasMore) {
      await this.loadPage();
    }
  }

  /** The loaded child for a key or folder prefix directly under this level, if loaded. */
  loadedChild(keyOrPrefix: string): ExplorerNode | undefined {
    return this.loaded?.folders.get(keyOrPrefix) ?? this.loadedObject(keyOrPrefix) ?? this.found.get(keyOrPrefix);
  }

  private loadedObject(key: string): ObjectNode | undefined {
    return this.loaded?.objects.find((object) => object.key === key);
  }

  /**
   * The child for a key or folder prefix directly under this level, loading the first page if
   * needed. When it is not on the loaded pages, one listing of at most one key asks R2 for it alone:
   * far cheaper than paging through a large folder, and it leaves no filter on the level.
   */
  async childFor(keyOrPrefix: string): Promise<ExplorerNode | undefined> {
    if (!this.loaded) {
      await this.getChildren();
    }
    // Not loaded yet, or filtered out by the user's filter.
    if (!this.loadedChild(keyOrPrefix) && (this.hasMore || this.filter !== undefined)) {
      const child = await this.lookUp(keyOrPrefix);
      if (child) {
        this.found.set(keyOrPrefix, child);
      }
    }
    return this.loadedChild(keyOrPrefix);
  }

  /** The child for `keyOrPrefix` as R2 has it now: a folder holds at least one key, an object is itself. */
  private async lookUp(keyOrPrefix: string): Promise<ExplorerNode | undefined> {
    const client = await this.context.clients.get(this.account);
    // Without a delimiter the first key under a prefix comes first, and a key is listed before the
    // longer keys it starts.
    const page = await listPage(
      client,
      { bucket: this.bucket, prefix: keyOrPrefix, delimiter: '', pageSize: 1 },
      this.controller.signal,
    );
    const [first] = page.objects;
    if (keyOrPrefix.endsWith('/')) {
      return first ? this.createFolder(keyOrPrefix) : undefined;
    }
    return first?.key === keyOrPrefix ? this.createObject(first) : undefined;
  }

  private createObject(object: R2Object): ObjectNode {
    return new ObjectNode(this, object);
  }

  /** The clock the ages on this level's rows are measured against. */
  now(): Date {
    return this.context.viewState.now();
  }

  /** Expanded when the user last left it expanded: a level listed anew (after an outage) opens as it was. */
  protected collapsibleState(): vscode.TreeItemCollapsibleState {
    return this.context.viewState.expanded.has(this.id)
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  }

  private async loadPage(): Promise<void> {
    const signal = this.controller.signal;
    const onto = this.loaded;
    const pages = onto?.pages ?? 0;
    try {
      const client = await this.context.clients.get(this.account);
      const page = await listPage(
        client,
        {
          bucket: this.bucket,
          prefix: this.prefix + (this.filter ?? ''),
          token: this.loaded?.nextToken,
          pageSize: this.context.viewState.pageSize(),
        },
        signal,
      );
      // Listed anew meanwhile, or the same page added by a listing beside this one (two clicks on
      // "Load more…", or the view and a reveal expanding the level together).
      if (signal.aborted || this.loaded !== onto || (this.loaded?.pages ?? 0) !== pages) {
        return;
      }
      const loaded: Loaded = this.loaded ?? { folders: new Map(), objects: [], pages: 0 };
      for (const prefix of page.prefixes) {
        loaded.folders.set(prefix, this.createFolder(prefix));
      }
      for (const object of page.objects) {
        loaded.objects.push(this.createObject(object));
      }
      loaded.pages++;
      loaded.nextToken = page.nextToken;
      this.loaded = loaded;
      this.failure = undefined;
    } catch (error) {
      if (isR2Error(error, 'Cancelled')) {
        return;
      }
      this.context.log.error(`Listing ${this.bucket}/${this.prefix} failed: ${String(error)}`);
      this.failure = error;
    }
  }

  private render(): ExplorerNode[] {
    const children: ExplorerNode[] = [];
    if (this.loaded) {
      const compare = COMPARE[this.context.viewState.sortBy()];
      children.push(...this.loaded.folders.values());
      children.push(...[...this.loaded.objects].sort(compare));
      const loaded = this.loaded;
      const notOnPages = ([key]: [string, ExplorerNode]) =>
        !loaded.folders.has(key) && this.loadedObject(key) === undefined;
      children.push(...[...this.found].filter(notOnPages).map(([, node]) => node));
      if (this.loaded.nextToken !== undefined) {
        children.push(new LoadMoreNode(this, this.loaded.folders.size + this.loaded.objects.length));
      } else if (children.length === 0) {
        children.push(
          new MessageNode(this, this.filter ? `No keys start with "${this.filter}"` : 'No objects', { kind: 'info' }),
        );
      }
    }
    if (this.failure !== undefined) {
      children.push(
        // A failed first page lists anew; a failed "Load more" asks for that page again.
        failureRow(
          this,
          this.account,
          this.failure,
          this.loaded
            ? { command: 'r2.loadMore', title: 'Retry', arguments: [this] }
            : { command: 'r2.refresh', title: 'Retry', arguments: [this] },
        ),
      );
    }
    return children;
  }

  protected filteredDescription(): string | undefined {
    return this.filter !== undefined ? `filter: ${this.filter}*` : undefined;
  }
}
