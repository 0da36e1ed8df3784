import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Jurisdiction } from '../accounts/account';
import { parseAccountLocation } from '../accounts/accountInput';
import { messages } from '../ui/messages';
import type { Services } from './services';

const JURISDICTIONS: ReadonlyArray<vscode.QuickPickItem & { jurisdiction: Jurisdiction }> = [
  { label: 'Default', description: '<ACCOUNT_ID>.r2.cloudflarestorage.com', jurisdiction: 'default' },
  { label: 'European Union (EU)', description: '<ACCOUNT_ID>.eu.r2.cloudflarestorage.com', jurisdiction: 'eu' },
  { label: 'FedRAMP', description: '<ACCOUNT_ID>.fedramp.r2.cloudflarestorage.com', jurisdiction: 'fedramp' },
];

function required(value: string): string | undefined {
  return value.trim() ? undefined : messages.required;
}

/** Asks for one value; a dismissed box cancels the whole walk-through. */
async function ask(options: vscode.InputBoxOptions): Promise<string> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, validateInput: required, ...options });
  if (value === undefined) {
    throw new vscode.CancellationError();
  }
  return value.trim();
}

export async function addAccount({ accounts }: Services): Promise<void> {
  const locationText = await ask({
    title: 'Add R2 Account (1/4)',
    prompt: messages.accountIdOrEndpointPrompt,
    placeHolder: messages.accountIdOrEndpointPlaceholder,
    validateInput: (value) => (parseAccountLocation(value) ? undefined : messages.accountIdOrEndpointInvalid),
  });
  const location = parseAccountLocation(locationText)!;
  let jurisdiction: Jurisdiction = 'default';
  if (location.kind === 'r2') {
    const picked = location.jurisdiction ?? (await vscode.window.showQuickPick(JURISDICTIONS, {
      title: 'Add R2 Account (2/4)',
      placeHolder: messages.jurisdictionPlaceholder,
      ignoreFocusOut: true,
    }))?.jurisdiction;
    if (!picked) {
      throw new vscode.CancellationError();
    }
    jurisdiction = picked;
  }
  const accessKeyId = await ask({ title: 'Add R2 Account (3/4)', prompt: messages.accessKeyIdPrompt });
  const secretAccessKey = await ask({ title: 'Add R2 Account (3/4)', prompt: messages.secretAccessKeyPrompt, password: true });
  const name = await ask({
    title: 'Add R2 Account (4/4)',
    prompt: messages.displayNamePrompt,
    value: location.kind === 'r2' ? `R2 ${location.accountId.slice(0, 8)}` : new URL(location.endpoint).host,
  });
  await accounts.save(
    {
      id: randomUUID(),
      name,
      jurisdiction,
      accessKeyId,
      ...(location.kind === 'r2' ? { accountId: location.accountId } : { endpoint: location.endpoint, forcePathStyle: true }),
    },
    secretAccessKey,
  );
  void vscode.window.showInformationMessage(messages.accountAdded(name));
}
