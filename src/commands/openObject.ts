import { confirmOpen, objectTarget } from './objectTarget';
import type { Services } from './services';

/**
 * Opens an object in the editor VS Code chooses for it (text, image preview, a custom editor), from
 * a node, an r2: URI or by browsing. Large and InfrequentAccess objects ask first.
 */
export async function openObject(services: Services, arg?: unknown): Promise<void> {
  const target = await objectTarget(services, arg, 'Open Object');
  if (await confirmOpen(services, target)) {
    await services.ui.executeCommand('vscode.open', target.uri);
  }
}
