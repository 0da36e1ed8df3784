import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import { endpointConfig, sendsUnencrypted, withWriteAccess } from '../accounts/account';
import type { Account } from '../accounts/account';
import { parseAccountLocation, stepTitle } from '../accounts/accountInput';
import { AccountProblem, validateAccount } from '../accounts/validateAccount';
import type { AccountCheck } from '../accounts/validateAccount';
import type { Jurisdiction } from '../r2';
import { messages } from '../ui/messages';
import { ask } from '../ui/prompts';
import { UserCancelled } from '../ui/userInterface';
import type { UserInterface } from '../ui/userInterface';
import type { Services } from './services';

const JURISDICTIONS: ReadonlyArray<vscode.QuickPickItem & { jurisdiction: Jurisdiction }> = [
  { label: 'Default', description: '<ACCOUNT_ID>.r2.cloudflarestorage.com', jurisdiction: 'default' },
  { label: 'European Union (EU)', description: '<ACCOUNT_ID>.eu.r2.cloudflarestorage.com', jurisdiction: 'eu' },
  { label: 'FedRAMP', description: '<ACCOUNT_ID>.fedramp.r2.cloudflarestorage.com', jurisdiction: 'fedramp' },
];

/**
 * The secret step: required when adding; when editing, an empty answer keeps the stored secret,
 * unless the access key ID changed: a secret belongs to its key, so the old one cannot sign for the new.
 */
type SecretRule = 'required' | 'keepable' | 'newKey';

const SECRET_BOXES: Record<SecretRule, vscode.InputBoxOptions> = {
  required: { prompt: messages.secretAccessKeyPrompt },
  keepable: {
    prompt: messages.secretAccessKeyKeepPrompt,
    placeHolder: messages.secretAccessKeyKeepPlaceholder,
    validateInput: () => undefined,
  },
  newKey: {
    prompt: messages.secretAccessKeyNewKeyPrompt,
    validateInput: (value) => (value.trim() ? undefined : messages.secretAccessKeyNeededForNewKey),
  },
};

/** What the walk-through collected; kept between attempts so a retry only fixes what was wrong. */
export interface AccountDraft {
  location?: string;
  jurisdiction?: Jurisdiction;
  accessKeyId?: string;
  name?: string;
  id?: string;
}

/** The endpoint URL: for an R2 account, the one the API token page shows, jurisdiction included. */
export function describeLocation(account: Account): string {
  return (
    account.endpoint ??
    `https://${account.accountId ?? ''}${account.jurisdiction === 'default' ? '' : `.${account.jurisdiction}`}.r2.cloudflarestorage.com`
  );
}

/**
 * Walks through the account's fields (prefilled from `draft`; editing when it has an `id`),
 * validates them, learns whether the token may write, then saves.
 */
export async function runAccountWalkthrough(
  services: Services,
  title: string,
  draft: AccountDraft = {},
): Promise<Account | undefined> {
  const { ui } = services;
  const existing = draft.id ? services.accounts.get(draft.id) : undefined;
  const storedSecret = existing && (await services.accounts.getSecret(existing.id));
  const locationText = await ask(ui, {
    title: stepTitle(
      title,
      'location',
      draft.location === undefined ? undefined : parseAccountLocation(draft.location),
    ),
    prompt: messages.accountIdOrEndpointPrompt,
    placeHolder: messages.accountIdOrEndpointPlaceholder,
    value: draft.location,
    validateInput: (value) => (parseAccountLocation(value) ? undefined : messages.accountIdOrEndpointInvalid),
  });
  const location = parseAccountLocation(locationText)!;
  let jurisdiction: Jurisdiction = 'default';
  if (location.kind === 'r2') {
    const picked =
      location.jurisdiction ??
      (
        await ui.showQuickPick(
          JURISDICTIONS.map((item) => ({ ...item, picked: item.jurisdiction === draft.jurisdiction })),
          {
            title: stepTitle(title, 'jurisdiction', location),
            placeHolder: messages.jurisdictionPlaceholder,
            ignoreFocusOut: true,
          },
        )
      )?.jurisdiction;
    if (!picked) {
      throw new UserCancelled();
    }
    jurisdiction = picked;
  }
  const accessKeyId = await ask(ui, {
    title: stepTitle(title, 'accessKeyId', location),
    prompt: messages.accessKeyIdPrompt,
    value: draft.accessKeyId,
  });
  const secretRule: SecretRule =
    storedSecret === undefined ? 'required' : accessKeyId === existing?.accessKeyId ? 'keepable' : 'newKey';
  // Empty when the stored secret is kept.
  const secretAccessKey =
    (await ask(ui, {
      title: stepTitle(title, 'secretAccessKey', location),
      password: true,
      ...SECRET_BOXES[secretRule],
    })) || undefined;
  const name = await ask(ui, {
    title: stepTitle(title, 'name', location),
    prompt: messages.displayNamePrompt,
    value:
      draft.name ?? (location.kind === 'r2' ? `R2 ${location.accountId.slice(0, 8)}` : new URL(location.endpoint).host),
  });
  const account: Account = {
    ...existing,
    id: draft.id ?? randomUUID(),
    name,
    jurisdiction,
    accessKeyId,
    ...(location.kind === 'r2'
      ? { accountId: location.accountId, endpoint: undefined }
      : { endpoint: location.endpoint, forcePathStyle: true, accountId: undefined }),
  };
  const retryDraft: AccountDraft = { location: locationText, jurisdiction, accessKeyId, name, id: draft.id };
  let check: AccountCheck;
  try {
    check = await ui.withProgress(messages.checkingAccount(describeLocation(account)), (signal) =>
      validateAccount(
        endpointConfig(account),
        { accessKeyId, secretAccessKey: secretAccessKey ?? storedSecret ?? '' },
        signal,
      ),
    );
  } catch (error) {
    if (!(error instanceof AccountProblem)) {
      throw error;
    }
    services.log.warn(`Account check failed for ${describeLocation(account)}: ${error.message}`);
    // Nothing is saved; "Fix" walks through again with everything but the secret filled in.
    const choice = await ui.showMessage('error', error.message, messages.fixAction);
    return choice === messages.fixAction ? runAccountWalkthrough(services, title, retryDraft) : undefined;
  }
  const checked = withWriteAccess(account, check.canWrite);
  await services.accounts.save(checked, secretAccessKey);
  warnIfUnencrypted(ui, checked);
  return checked;
}

/** Saved (the user chose this endpoint), but plain http off this machine exposes keys and data: say so. */
export function warnIfUnencrypted(ui: UserInterface, account: Account): void {
  if (account.endpoint !== undefined && sendsUnencrypted(account.endpoint)) {
    void ui.showMessage('warning', messages.unencryptedEndpoint(account.name, new URL(account.endpoint).host));
  }
}

export async function addAccount(services: Services): Promise<void> {
  const account = await runAccountWalkthrough(services, 'Add R2 Account');
  if (account) {
    void services.ui.showMessage('info', messages.accountAdded(account.name));
  }
}
