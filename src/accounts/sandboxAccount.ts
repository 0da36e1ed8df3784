import { isLoopbackEndpoint } from '../r2';
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
 *
 * Whatever sets the extension host's environment (a dev container's `remoteEnv`, a shell profile)
 * can set the variable too, so it is honoured only for an endpoint on this machine, and never
 * replaces an account the user added; anything else is ignored and `log`ged.
 */
export async function configureSandboxAccount(
  accounts: Pick<AccountStore, 'get' | 'getSecret' | 'save'>,
  log: (message: string) => void,
  value = process.env[SANDBOX_ACCOUNT_VARIABLE],
): Promise<void> {
  if (!value) {
    return;
  }
  const { secretAccessKey, ...sandbox } = JSON.parse(value) as Account & { secretAccessKey: string };
  if (sandbox.endpoint === undefined || !isLoopbackEndpoint(sandbox.endpoint)) {
    log(
      `${SANDBOX_ACCOUNT_VARIABLE} ignored: its endpoint (${sandbox.endpoint ?? 'none'}) is not on this machine (127.0.0.0/8, ::1, localhost).`,
    );
    return;
  }
  const existing = accounts.get(sandbox.id);
  if (existing && !existing.fromSandbox) {
    log(`${SANDBOX_ACCOUNT_VARIABLE} ignored: an account you added has its id (${sandbox.id}).`);
    return;
  }
  const connection = {
    endpoint: sandbox.endpoint,
    forcePathStyle: sandbox.forcePathStyle,
    accessKeyId: sandbox.accessKeyId,
  };
  const current =
    existing &&
    (await accounts.getSecret(sandbox.id)) === secretAccessKey &&
    existing.endpoint === connection.endpoint &&
    existing.accessKeyId === connection.accessKeyId;
  if (!current) {
    await accounts.save({ ...sandbox, ...existing, ...connection, fromSandbox: true }, secretAccessKey);
  }
}
