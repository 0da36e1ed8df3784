import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { endpointConfig, sendsUnencrypted, withWriteAccess } from '../accounts/account';
import type { Account } from '../accounts/account';
import { parseAccountLocation } from '../accounts/accountInput';
import { parseAwsProfiles } from '../accounts/awsProfiles';
import { AccountProblem, validateAccount } from '../accounts/validateAccount';
import { messages } from '../ui/messages';
import { ask, pick } from '../ui/prompts';
import { warnIfUnencrypted } from './addAccount';
import type { Services } from './services';

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** Imports an awscli profile (shared credentials and config files) as an account; the secret goes to SecretStorage. */
export async function importAwsProfile({ ui, accounts }: Services): Promise<void> {
  // The same environment variables the awscli honours.
  const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  const configFile = process.env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  const profiles = parseAwsProfiles(await readIfExists(credentialsFile), await readIfExists(configFile)).filter(
    (profile) => profile.accessKeyId && profile.secretAccessKey,
  );
  if (profiles.length === 0) {
    void ui.showMessage('warning', messages.noAwsProfiles(`${credentialsFile} and ${configFile}`));
    return;
  }
  const { profile } = await pick(
    ui,
    profiles.map((candidate) => ({
      label: candidate.name,
      description:
        candidate.endpointUrl === undefined
          ? '(no endpoint_url)'
          : `${candidate.endpointUrl}${sendsUnencrypted(candidate.endpointUrl) ? ` · ${messages.notEncrypted}` : ''}`,
      profile: candidate,
    })),
    { title: 'Import from AWS Profile', placeHolder: 'Profile to import' },
  );
  const locationText =
    profile.endpointUrl ??
    (await ask(ui, {
      title: `Import ${profile.name}`,
      prompt: messages.awsProfileNeedsAccount(profile.name),
      validateInput: (value) => (parseAccountLocation(value) ? undefined : messages.accountIdOrEndpointInvalid),
    }));
  const location = parseAccountLocation(locationText);
  if (!location) {
    throw new AccountProblem(
      'endpoint',
      `endpoint_url "${locationText}" of profile "${profile.name}" is not an http(s) URL.`,
    );
  }
  const account: Account = {
    id: randomUUID(),
    name: profile.name,
    accessKeyId: profile.accessKeyId!,
    ...(location.kind === 'r2'
      ? { accountId: location.accountId, jurisdiction: location.jurisdiction ?? 'default' }
      : { endpoint: location.endpoint, forcePathStyle: true, jurisdiction: 'default' }),
  };
  const secretAccessKey = profile.secretAccessKey!;
  const { canWrite } = await ui.withProgress(
    messages.checkingAccount(account.endpoint ?? account.accountId ?? ''),
    (signal) => validateAccount(endpointConfig(account), { accessKeyId: account.accessKeyId, secretAccessKey }, signal),
  );
  await accounts.save(withWriteAccess(account, canWrite), secretAccessKey);
  void ui.showMessage('info', messages.accountImported(account.name));
  warnIfUnencrypted(ui, account);
}
