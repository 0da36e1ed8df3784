import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

const BUCKET = `clipboard-${Date.now().toString(36)}`;

/** Runs `work` and returns the status bar messages it set. */
async function statusBar(work: () => PromiseLike<unknown>): Promise<string[]> {
  const window = vscode.window as { setStatusBarMessage: typeof vscode.window.setStatusBarMessage };
  const original = window.setStatusBarMessage;
  const shown: string[] = [];
  window.setStatusBarMessage = ((text: string) => {
    shown.push(text);
    return new vscode.Disposable(() => undefined);
  }) as typeof vscode.window.setStatusBarMessage;
  try {
    await work();
  } finally {
    window.setStatusBarMessage = original;
  }
  return shown;
}

describe('Copy and Set Public URL confirmations', function () {
  this.timeout(60_000);
  useBuckets(BUCKET);
  let bucket: ExplorerNode;

  before(async () => {
    await putObject(
      adminClient(),
      { bucket: BUCKET, key: 'dir/page.html', body: '<p>', contentType: 'text/html' },
      AbortSignal.timeout(60_000),
    );
    bucket = await child(await addServerAccount('Clipboard'), BUCKET);
  });

  it('copies a bucket name with Copy Key, and confirms each copy and Set Public URL the same way', async () => {
    const object = await child(await child(bucket, 'dir/'), 'page.html');
    assert.deepEqual(await statusBar(() => vscode.commands.executeCommand('r2.copyKey', bucket)), [
      `$(check) Copied "${BUCKET}".`,
    ]);
    assert.equal(await vscode.env.clipboard.readText(), BUCKET);
    assert.deepEqual(await statusBar(() => vscode.commands.executeCommand('r2.copyKey', object)), [
      '$(check) Copied "dir/page.html".',
    ]);
    assert.deepEqual(await statusBar(() => vscode.commands.executeCommand('r2.copyS3Uri', object)), [
      `$(check) Copied "s3://${BUCKET}/dir/page.html".`,
    ]);
    const base = 'https://assets.example.com';
    let prompts: Awaited<ReturnType<typeof runWithPrompts>> | undefined;
    assert.deepEqual(
      await statusBar(async () => (prompts = await runWithPrompts('r2.setPublicBaseUrl', [bucket], [base]))),
      [`$(check) Public URL of "${BUCKET}" set to ${base}.`],
    );
    assert.deepEqual(prompts?.shown, []);
    assert.deepEqual(await statusBar(async () => (prompts = await runWithPrompts('r2.copyPublicUrl', [object], []))), [
      `$(check) Copied "${base}/dir/page.html".`,
    ]);
    assert.deepEqual(prompts?.shown, [], 'no notification besides the status bar');
    assert.equal(await vscode.env.clipboard.readText(), `${base}/dir/page.html`);
  });
});
