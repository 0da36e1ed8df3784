// Auto save after a delay writes an r2: object at every pause in typing: the first r2: editor says
// so, once, and offers to auto save only the workspace's files.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { toR2Uri } from '../../../src/fs/r2Uri';
import { putObject } from '../../../src/r2';
import type { AccountNode } from '../../../src/tree/accountNode';
import { addServerAccount, adminClient, useBuckets } from '../support/extension';
import { scriptPrompts } from '../support/prompts';
import type { PromptLog } from '../support/prompts';

const BUCKET = `autosave-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);
const NOTICE = /^Auto save writes to R2 after every pause/;
const ACTION = 'Auto Save Only Workspace Files';

async function setFiles(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('files').update(name, value, vscode.ConfigurationTarget.Global);
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const notices = (prompts: PromptLog) => prompts.shown.filter((shown) => NOTICE.test(shown.message));

describe('Auto save and r2: editors', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  let accountId: string;
  const uri = (key: string) => toR2Uri({ accountId, bucket: BUCKET, key });

  before(async () => {
    for (const key of ['a.txt', 'b.txt', 'c.txt']) {
      await putObject(adminClient(), { bucket: BUCKET, key, body: key }, signal());
    }
    accountId = ((await addServerAccount('Auto save')) as AccountNode).account.id;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await setFiles('autoSaveWorkspaceFilesOnly', undefined);
    await setFiles('autoSave', undefined);
    // Back to the host's default (after a delay in code-server) with the notice shown, as it was
    // before: later suites open r2: editors without it.
    if (vscode.workspace.getConfiguration('files').get('autoSave') === 'afterDelay') {
      const prompts = scriptPrompts([]);
      try {
        await vscode.window.showTextDocument(uri('a.txt'));
        await waitFor('the auto save notice', () => (notices(prompts).length > 0 ? true : undefined));
      } finally {
        prompts.restore();
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('tells once, at the first r2: editor, that auto save writes to R2', async () => {
    // Off, then after a delay: the setting as a user turns it on.
    await setFiles('autoSave', 'off');
    await setFiles('autoSave', 'afterDelay');
    const prompts = scriptPrompts([]);
    try {
      await vscode.window.showTextDocument(uri('a.txt'));
      const [notice] = await waitFor('the auto save notice', () =>
        notices(prompts).length > 0 ? notices(prompts) : undefined,
      );
      assert.equal(notice.level, 'info');
      assert.deepEqual(notice.items, [ACTION]);
      await vscode.window.showTextDocument(uri('b.txt'));
      // The next editor opens without it (the notice would have come with the first within this time).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(notices(prompts).length, 1);
    } finally {
      prompts.restore();
    }
  });

  it('turns on files.autoSaveWorkspaceFilesOnly from its action', async () => {
    await setFiles('autoSave', 'off');
    await setFiles('autoSave', 'afterDelay');
    const prompts = scriptPrompts([], ACTION);
    try {
      await vscode.window.showTextDocument(uri('c.txt'));
      await waitFor('the auto save notice', () => (notices(prompts).length > 0 ? true : undefined));
      await waitFor('the setting', () =>
        vscode.workspace.getConfiguration('files').get('autoSaveWorkspaceFilesOnly') === true ? true : undefined,
      );
    } finally {
      prompts.restore();
    }
  });
});
