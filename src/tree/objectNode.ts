import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { openOnClick } from '../fs/openPolicy';
import { toR2Uri } from '../fs/r2Uri';
import type { R2Object, R2ObjectHead } from '../r2';
import { formatAge, formatBytes } from '../ui/format';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';
import type { ListingNode } from './listingNode';

/** Storage classes as listed: one string for each class, not one per row. */
const storageClasses = new Map<string, string>();

function shared(storageClass: string): string {
  const known = storageClasses.get(storageClass);
  if (known !== undefined) {
    return known;
  }
  storageClasses.set(storageClass, storageClass);
  return storageClass;
}

/**
 * An object row's tree item, which VS Code keeps for every row shown. A class of its own whose
 * constructor sets every field: V8 sizes an object by the first few made from its class, and items
 * made as `new TreeItem` are sized by whichever items the extension host made first; in some
 * sessions every row's item then held one field apart, 32 bytes more each.
 */
class ObjectTreeItem extends vscode.TreeItem {
  constructor(node: ObjectNode, description: string) {
    // The key as stored, relative to its folder: never trimmed, normalized or decoded.
    super({ label: node.key.slice(node.getParent().prefix.length) }, vscode.TreeItemCollapsibleState.None);
    this.id = node.id;
    // With resourceUri the user's file icon theme picks the icon, as in VS Code's Explorer.
    this.resourceUri = node.uri;
    this.iconPath = vscode.ThemeIcon.File;
    this.description = description;
    this.contextValue = withStates(contextValues.object, { readonly: node.account.readOnly === true });
    this.command = openOnClick(node);
  }
}

/**
 * An object's row. A large folder has thousands, all kept so that `reveal()` finds them: each keeps
 * only what it renders and what commands on it read (no copy of the listing's object, no Date, no
 * closure, the account and bucket from its level, kind and id from its class and URI), and builds
 * its tree item on demand.
 */
export class ObjectNode implements ExplorerNode {
  readonly uri: vscode.Uri;
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  /** Milliseconds since the epoch: a number takes 8 bytes of the row, a Date about 100. */
  readonly lastModifiedMs: number;
  readonly storageClass?: string;
  /** The age the row shows, once drawn: redrawn only when the clock moved it on. */
  private shownAge?: string;

  constructor(
    private readonly parent: ListingNode,
    object: R2Object,
  ) {
    this.key = object.key;
    this.size = object.size;
    this.etag = object.etag;
    this.lastModifiedMs = object.lastModified.getTime();
    this.storageClass = object.storageClass === undefined ? undefined : shared(object.storageClass);
    this.uri = toR2Uri({ accountId: this.account.id, bucket: this.bucket, key: object.key });
  }

  get kind(): 'object' {
    return 'object';
  }

  /** The URI's string, which the URI keeps once made. */
  get id(): string {
    return this.uri.toString();
  }

  get account(): Account {
    return this.parent.account;
  }

  get bucket(): string {
    return this.parent.bucket;
  }

  /** The object as listed, built for the command that asks. */
  get object(): R2Object {
    return {
      key: this.key,
      size: this.size,
      etag: this.etag,
      lastModified: new Date(this.lastModifiedMs),
      storageClass: this.storageClass,
    };
  }

  getTreeItem(): vscode.TreeItem {
    // Short enough for the side bar's default width; the tooltip has the full date.
    this.shownAge = this.age();
    return new ObjectTreeItem(this, `${formatBytes(this.size)} · ${this.shownAge}`);
  }

  /** Whether the row, drawn before, now shows an age the clock has moved past ("now" a minute ago). */
  get ageIsStale(): boolean {
    return this.shownAge !== undefined && this.shownAge !== this.age();
  }

  private age(): string {
    return formatAge(new Date(this.lastModifiedMs), this.parent.now());
  }

  /**
   * The rich tooltip, built on hover from a HEAD request (content type is not in listings); from the
   * listing, with the reason, when the HEAD failed.
   */
  tooltip(head: R2ObjectHead | undefined, problem?: string): vscode.MarkdownString {
    const { size, lastModified, etag } = head ?? this.object;
    const rows: Array<[string, string | undefined]> = [
      ['Size', `${formatBytes(size)} (${size.toLocaleString('en')} bytes)`],
      ['Last modified', lastModified.toLocaleString()],
      ['ETag', etag],
      ['Content type', head?.contentType],
      ['Storage class', head?.storageClass ?? this.storageClass ?? 'STANDARD'],
      ['Details unavailable', problem],
    ];
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.appendMarkdown('**');
    markdown.appendText(this.key);
    markdown.appendMarkdown('**\n\n');
    for (const [name, value] of rows) {
      if (value !== undefined) {
        markdown.appendMarkdown(`${name}: `);
        markdown.appendText(value);
        markdown.appendMarkdown('  \n');
      }
    }
    return markdown;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  getParent(): ListingNode {
    return this.parent;
  }
}
