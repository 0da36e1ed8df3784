import * as vscode from 'vscode';
import { confirmOpen, objectTarget } from './objectTarget';
import type { Services } from './services';

/** Opens an object beside the active editor, kept open (not a preview), as the Explorer does. */
export async function openToSide(services: Services, arg?: unknown): Promise<void> {
  const target = await objectTarget(services, arg, 'Open to the Side');
  if (await confirmOpen(services, target)) {
    await services.ui.executeCommand('vscode.open', target.uri, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: false,
    });
  }
}
