import * as vscode from 'vscode';
import { AccountNode } from '../tree/accountNode';
import { messages } from '../ui/messages';
import type { Services } from './services';

export async function removeAccount({ accounts }: Services, node?: unknown): Promise<void> {
  let account = node instanceof AccountNode ? node.account : undefined;
  if (!account) {
    account = (await vscode.window.showQuickPick(
      accounts.list().map((candidate) => ({ label: candidate.name, account: candidate })),
      { title: 'Remove R2 Account' },
    ))?.account;
  }
  if (!account) {
    return;
  }
  const answer = await vscode.window.showWarningMessage(messages.confirmRemoveAccount(account.name), { modal: true }, messages.removeAction);
  if (answer === messages.removeAction) {
    await accounts.remove(account.id);
  }
}
