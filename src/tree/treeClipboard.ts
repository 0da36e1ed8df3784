// What Copy Key (Ctrl+C) or Cut (Ctrl+X) took in the R2 view, for Paste (Ctrl+V) on a folder. The
// system clipboard holds the keys as text; these rows count only while it still holds that text,
// so a copy made elsewhere since is what Paste uses.
import type { ExplorerNode } from './explorerNode';

export type ClipboardMode = 'copy' | 'cut';

export class TreeClipboard {
  private held?: { readonly mode: ClipboardMode; readonly nodes: readonly ExplorerNode[]; readonly text: string };

  set(mode: ClipboardMode, nodes: readonly ExplorerNode[], text: string): void {
    this.held = { mode, nodes: [...nodes], text };
  }

  /** The rows taken, while the system clipboard still holds the text written for them. */
  current(
    clipboardText: string,
  ): { readonly mode: ClipboardMode; readonly nodes: readonly ExplorerNode[] } | undefined {
    return this.held?.text === clipboardText ? this.held : undefined;
  }

  /** A cut is pasted once: the rows moved. */
  clear(): void {
    this.held = undefined;
  }
}
