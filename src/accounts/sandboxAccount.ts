import type { Account } from './account';
import type { AccountStore } from './accountStore';

/**
 * Set only by the sandbox (`npm start`, test/sandbox/) in the environment of code-server, which the
 * extension host inherits: JSON of an {@link Account} plus its `secretAccessKey`.
 */
export const SANDBOX_ACCOUNT_VARIABLE = 'R2_SANDBOX_ACCOUNT';

/**
 * Sandbox only: configures the demo account through the same store as "Add Account", the secret
 * into SecretStorage. The sandbox cannot store it itself: code-server keeps SecretStorage and
 * global state in each browser profile, so every browser that opens the sandbox gets the account
 * here, on activation. What the user changed (name, pinned buckets, public URLs) is kept; the
 * connection comes from the sandbox, whose local server may listen on another port each run.
 * Does nothing when the variable is unset.
 */
export async function configureSandboxAccount(
  accounts: Pick<AccountStore, 'get' | 'getSecret' | 'save'>,
  value = process.env[SANDBOX_ACCOUNT_VARIABLE],
): Promise<void> {
  if (!value) {
    return;
  }
  const { secretAccessKey, ...sandbox } = JSON.parse(value) as Account & { secretAccessKey: string };
  const existing = accounts.get(sandbox.id);
  const connection = { endpoint: sandbox.endpoint, forcePathStyle: sandbox.forcePathStyle, accessKeyId: sandbox.accessKeyId };
  const current = existing && (await accounts.getSecret(sandbox.id)) === secretAccessKey &&
    existing.endpoint === connection.endpoint && existing.accessKeyId === connection.accessKeyId;
  if (!current) {
    await accounts.save({ ...sandbox, ...existing, ...connection }, secretAccessKey);
  }
}
