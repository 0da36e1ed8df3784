// Which commands a row's context menu offers: the extension's own package.json menus, their `when`
// clauses evaluated for the row's context value as VS Code does for the grammar they use
// (`view == r2Explorer && viewItem =~ /regex/`). Any other clause fails the test, so a menu entry
// this cannot judge is never silently counted in or out.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { EXTENSION_ID } from './extension';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

function holds(clause: string, contextValue: string): boolean {
  const view = /^view == (\S+)$/.exec(clause);
  if (view) {
    return view[1] === 'r2Explorer';
  }
  const item = /^viewItem =~ \/(.*)\/$/.exec(clause);
  if (item) {
    return new RegExp(item[1]).test(contextValue);
  }
  throw new Error(`menus.ts cannot evaluate the when clause "${clause}"`);
}

/** The commands offered on the row, inline (`inline` group) or in its context menu. */
export function menuCommands(node: ExplorerNode, where: 'inline' | 'context'): string[] {
  const contextValue = node.getTreeItem().contextValue ?? '';
  const packageJson = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
    contributes: { menus: Record<string, MenuEntry[]> };
  };
  return packageJson.contributes.menus['view/item/context']
    .filter((entry) => (entry.group?.startsWith('inline') ?? false) === (where === 'inline'))
    .filter((entry) => (entry.when ?? '').split(' && ').every((clause) => holds(clause.trim(), contextValue)))
    .map((entry) => entry.command);
}
