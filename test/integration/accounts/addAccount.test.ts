import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { addServerAccount, children, label, removeAllAccounts, server } from '../support/extension';
import { scriptPrompts } from '../support/prompts';
import { isVisible, requireWorkbench } from '../support/workbench';

/** Runs Add Account with these answers, dismissing whatever message it shows; returns the messages. */
async function addAccountWith(answers: string[]) {
  const prompts = scriptPrompts(answers);
  try {
    await vscode.commands.executeCommand('r2.addAccount');
  } finally {
    prompts.restore();
  }
  return prompts;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

describe('Accounts', () => {
  afterEach(removeAllAccounts);

  it('refuses a wrong secret, says so, and saves nothing', async () => {
    const prompts = await addAccountWith([server.endpoint, server.admin.accessKeyId, 'not-the-secret', 'Wrong secret']);
    assert.match(prompts.shown.at(-1)?.message ?? '', /secret access key does not match/);
    assert.deepEqual(prompts.shown.at(-1)?.items, ['Fix…']);
    assert.deepEqual(await children(), []);
  });

  it('refuses an unknown access key ID, and saves nothing', async () => {
    const prompts = await addAccountWith([
      server.endpoint,
      'AKIDNOTKNOWN',
      server.admin.secretAccessKey,
      'Unknown key',
    ]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /access key ID is not known/);
    assert.deepEqual(await children(), []);
  });

  it('says when the endpoint cannot be reached', async () => {
    const prompts = await addAccountWith([
      'http://127.0.0.1:9',
      server.admin.accessKeyId,
      server.admin.secretAccessKey,
      'Nowhere',
    ]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Could not reach 127\.0\.0\.1:9/);
    assert.deepEqual(await children(), []);
  });

  it('reads account ID and jurisdiction from a pasted R2 endpoint URL', async () => {
    const id = '0123456789abcdef0123456789abcdef';
    const prompts = await addAccountWith([`https://${id}.eu.r2.cloudflarestorage.com`, 'AKID', 'SECRET', 'EU']);
    // No jurisdiction picker: the URL said EU; the check then went to the EU endpoint (unreachable here).
    assert.equal(prompts.asked.length, 4);
    assert.match(
      prompts.shown.at(-1)?.message ?? '',
      new RegExp(`Could not reach ${id}\\.eu\\.r2\\.cloudflarestorage\\.com`),
    );
  });

  it('adds a working account; its secret is in no file VS Code wrote', async function () {
    requireWorkbench(this);
    const node = await addServerAccount('Local R2');
    assert.equal(label(node), 'Local R2');
    await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
    assert.equal(await isVisible({ selector: '.part.sidebar .monaco-list-row:has-text("Local R2")' }), true);
    // Settings, global state, logs and the output channel all live under the run folder.
    const runDir = process.env.R2_TEST_RUN_DIR!;
    const leaks = filesUnder(runDir).filter((file) => readFileSync(file).includes(server.admin.secretAccessKey));
    assert.deepEqual(leaks, []);
  });

  it('removes an account picked from the palette after confirmation', async () => {
    await addServerAccount('To remove');
    const prompts = scriptPrompts([], 'Remove');
    try {
      await vscode.commands.executeCommand('r2.removeAccount');
    } finally {
      prompts.restore();
    }
    assert.match(prompts.shown[0].message, /Remove the R2 account "To remove"/);
    assert.deepEqual(await children(), []);
  });
});
