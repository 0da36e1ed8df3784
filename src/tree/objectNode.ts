import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { openOnClick } from '../fs/openPolicy';
import { toR2Uri } from '../fs/r2Uri';
import type { R2Object, R2ObjectHead } from '../r2';
import { formatAge, formatBytes } from '../ui/format';
import { contextValues, withStates } from './contextValues';
import type { ExplorerNode } from './explorerNode';

export class ObjectNode implements ExplorerNode {
  readonly kind = 'object';
  readonly id: string;
  readonly uri: vscode.Uri;
  /** The age the row shows, once drawn: redrawn only when the clock moved it on. */
  private shownAge?: string;

  constructor(
    private readonly parent: ExplorerNode,
    readonly account: Account,
    readonly bucket: string,
    readonly object: R2Object,
    /** The listing prefix the label is relative to. */
    private readonly prefix: string,
    /** The clock the row's age is measured against. */
    private readonly now: () => Date,
  ) {
    this.uri = toR2Uri({ accountId: account.id, bucket, key: object.key });
    this.id = this.uri.toString();
  }

  get key(): string {
    return this.object.key;
  }

  getTreeItem(): vscode.TreeItem {
    // The key as stored, relative to its folder: never trimmed, normalized or decoded.
    const item = new vscode.TreeItem(
      { label: this.object.key.slice(this.prefix.length) },
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    // With resourceUri the user's file icon theme picks the icon, as in VS Code's Explorer.
    item.resourceUri = this.uri;
    item.iconPath = vscode.ThemeIcon.File;
    // Short enough for the side bar's default width; the tooltip has the full date.
    this.shownAge = formatAge(this.object.lastModified, this.now());
    item.description = `${formatBytes(this.object.size)} · ${this.shownAge}`;
    item.contextValue = withStates(contextValues.object, { readonly: this.account.readOnly === true });
    item.command = openOnClick(this);
    return item;
  }

  /** Whether the row, drawn before, now shows an age the clock has moved past ("now" a minute ago). */
  get ageIsStale(): boolean {
    return this.shownAge !== undefined && this.shownAge !== formatAge(this.object.lastModified, this.now());
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
      ['Storage class', head?.storageClass ?? this.object.storageClass ?? 'STANDARD'],
      ['Details unavailable', problem],
    ];
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.appendMarkdown('**');
    markdown.appendText(this.object.key);
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

  getParent(): ExplorerNode {
    return this.parent;
  }
}
