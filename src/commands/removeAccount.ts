import * as vscode from 'vscode';
import { AccountNode } from '../tree/accountNode';
import { messages } from '../ui/messages';
import { pickAccount } from '../ui/pickers';
import type { Services } from './services';

export async function removeAccount({ accounts }: Services, node?: unknown): Promise<void> {
  const account = node instanceof AccountNode ? node.account : await pickAccount(accounts, 'Remove R2 Account');
  const answer = await vscode.window.showWarningMessage(messages.confirmRemoveAccount(account.name), { modal: true }, messages.removeAction);
  if (answer === messages.removeAction) {
    await accounts.remove(account.id);
  }
}
