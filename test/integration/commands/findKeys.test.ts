// Find Keys…: results stream into VS Code's own quick pick page by page, with what the search
// cost; the pick is driven in the page as a user would (the probe reads and clicks it).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, requests, useBuckets } from '../support/extension';
import { putNumberedKeys } from '../support/files';
import { scriptPrompts } from '../support/prompts';
import { click, isVisible, requireWorkbench } from '../support/workbench';

const BUCKET = `find-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(120_000);

/** Runs Find Keys… with `pattern` typed, waits for `status` in the pick, then clicks the row `row`. */
async function findAndChoose(node: ExplorerNode, pattern: string, status: string, row: string): Promise<void> {
  const prompts = scriptPrompts([pattern]);
  try {
    const running = vscode.commands.executeCommand('r2.findKeys', node);
    assert.ok(await isVisible({ text: status }, 30_000), `the pick says: ${status}`);
    await click(`.quick-input-list .monaco-list-row:has-text("${row}")`);
    await running;
  } finally {
    prompts.restore();
  }
}

async function activeUri(): Promise<string | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri) {
      return uri.toString();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

describe('Find Keys', function () {
  this.timeout(180_000);
  useBuckets(BUCKET);
  let bucket: ExplorerNode;

  before(async () => {
    const client = adminClient();
    await putNumberedKeys(client, BUCKET, { prefix: 'logs/', count: 2500, suffix: '.log' });
    await putObject(client, { bucket: BUCKET, key: 'site/Index.html', body: '<h1>hi</h1>' }, signal());
    bucket = await child(await addServerAccount('Find'), BUCKET);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('r2').update('find.maxPages', undefined, vscode.ConfigurationTarget.Global);
  });

  it('streams matches over 2,500 keys in 3 list requests, and opens the one chosen', async function () {
    requireWorkbench(this);
    await requests.reset();
    await findAndChoose(bucket, '*24?9.log', '10 found · 2,501 keys scanned · 3 list requests', '2409.log');
    assert.equal((await requests.byOperation()).ListObjectsV2, 3);
    assert.match((await activeUri()) ?? '', new RegExp(`/${BUCKET}/logs/2409\\.log$`));
  });

  it('stops at the r2.find.maxPages cap and says so', async function () {
    requireWorkbench(this);
    await vscode.workspace.getConfiguration('r2').update('find.maxPages', 1, vscode.ConfigurationTarget.Global);
    await requests.reset();
    await findAndChoose(
      bucket,
      '000',
      '10 found · 1,000 keys scanned · 1 list request · stopped at the cap of 1 requests (setting r2.find.maxPages)',
      '0000.log',
    );
    assert.equal((await requests.byOperation()).ListObjectsV2, 1);
  });

  it('finds a substring in any case from the account, in every bucket', async function () {
    requireWorkbench(this);
    await findAndChoose(bucket.getParent() as ExplorerNode, 'index.HTML', '1 found', 'Index.html');
    assert.match((await activeUri()) ?? '', new RegExp(`/${BUCKET}/site/Index\\.html$`));
  });
});
