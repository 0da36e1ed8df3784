import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { scriptPrompts } from '../support/prompts';
import { isVisible, requireWorkbench } from '../support/workbench';

const SECRET = 'integration-secret-0123456789abcdefghijklmnop';

describe('r2.addAccount / r2.removeAccount', () => {
  it('adds an account from a pasted endpoint URL, shows it, and removes it after confirmation', async function () {
    requireWorkbench(this);
    const accountId = '0123456789abcdef0123456789abcdef';
    const prompts = scriptPrompts([`https://${accountId}.eu.r2.cloudflarestorage.com`, 'AKIDINTEGRATION', SECRET, 'Work account'], 'Remove');
    try {
      await vscode.commands.executeCommand('r2.addAccount');
      // The pasted URL says the jurisdiction: no jurisdiction picker was shown.
      assert.equal(prompts.asked.length, 4);
      await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
      assert.equal(await isVisible({ selector: '.part.sidebar .monaco-list-row:has-text("Work account")' }), true);
      assert.equal(await isVisible({ selector: '.part.sidebar .monaco-list-row:has-text("EU")' }), true);

      // Removing from the palette picks the account, then confirms.
      prompts.restore();
      const removal = scriptPrompts(['Work account'], 'Remove');
      try {
        await vscode.commands.executeCommand('r2.removeAccount');
        assert.match(removal.shown[0].message, /Remove the R2 account "Work account"/);
      } finally {
        removal.restore();
      }
      assert.equal(await isVisible({ selector: '.part.sidebar .welcome-view-content :text("Add R2 Account")' }), true);
    } finally {
      prompts.restore();
    }
  });
});
