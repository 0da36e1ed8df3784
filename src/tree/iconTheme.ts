import * as vscode from 'vscode';
import type { ViewState } from './viewState';

interface IconThemeContribution {
  readonly id: string;
  readonly path: string;
}

/**
 * Whether the file icon theme draws folders. Seti, VS Code's default, draws files only: a folder row
 * with a resource then shows no icon at all, so the view shows the folder codicon instead.
 */
export async function iconThemeHasFolderIcons(themeId: string | undefined): Promise<boolean> {
  for (const extension of themeId ? vscode.extensions.all : []) {
    const themes =
      (extension.packageJSON as { contributes?: { iconThemes?: IconThemeContribution[] } }).contributes?.iconThemes ??
      [];
    const theme = themes.find((each) => each.id === themeId);
    if (theme) {
      try {
        const text = new TextDecoder().decode(
          await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, theme.path)),
        );
        return /"folder(Expanded)?"\s*:/.test(text);
      } catch {
        return false;
      }
    }
  }
  return false;
}

/** Keeps `state.folderIcons` in step with the user's file icon theme; `redraw` when it changes. */
export function watchIconTheme(state: ViewState, redraw: () => void): vscode.Disposable {
  let latest = 0;
  const update = async () => {
    const request = ++latest;
    const folderIcons = await iconThemeHasFolderIcons(
      vscode.workspace.getConfiguration('workbench').get<string>('iconTheme'),
    );
    if (request === latest && folderIcons !== state.folderIcons) {
      state.folderIcons = folderIcons;
      redraw();
    }
  };
  void update();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('workbench.iconTheme')) {
      void update();
    }
  });
}
