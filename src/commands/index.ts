import * as vscode from 'vscode';
import { messages } from '../ui/messages';
import { redact } from '../ui/log';
import { addAccount } from './addAccount';
import { refresh } from './refresh';
import { removeAccount } from './removeAccount';
import type { Services } from './services';

type Handler = (services: Services, ...args: never[]) => unknown;

// Every command id and its handler; package.json's contributes.commands lists the same ids
// (an integration test checks both directions).
const COMMANDS: Record<string, Handler> = {
  'r2.addAccount': addAccount,
  'r2.removeAccount': removeAccount,
  'r2.refresh': refresh,
};

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof Error && error.name === 'Canceled');
}

/**
 * The one place commands fail: cancellation is silent; anything else is logged in full (redacted)
 * and shown once, with the log one click away.
 */
function register(id: string, handler: Handler, services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    try {
      return await handler(services, ...args);
    } catch (error) {
      if (isCancellation(error)) {
        return undefined;
      }
      const detail = error instanceof Error ? error.message : String(error);
      services.log.error(`${id} failed: ${redact(error instanceof Error ? error.stack ?? detail : detail)}`);
      const action = await vscode.window.showErrorMessage(messages.commandFailed(redact(detail)), messages.showLogAction);
      if (action === messages.showLogAction) {
        services.log.show();
      }
      return undefined;
    }
  });
}

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => register(id, handler, services));
}
