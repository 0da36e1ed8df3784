// The tree after R2 was unreachable: what was open comes back open, and one Retry retries every
// listing that failed the same way. Read in the workbench itself, as a user sees the rows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import type { AccountNode } from '../../../src/tree/accountNode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, api, child, faults, useBuckets } from '../support/extension';
import { click, isVisible, requireWorkbench, screenshot } from '../support/workbench';

const FIRST = 'outage-first';
const SECOND = 'outage-second';
const OUTAGE_MS = 6000;
const signal = () => AbortSignal.timeout(60_000);

const row = (text: string) => `.part.sidebar .monaco-list-row:has-text("${text}")`;
const expandedRow = (text: string) => `.part.sidebar .monaco-list-row[aria-expanded="true"]:has-text("${text}")`;
const ERROR_ROW = '.part.sidebar .monaco-list-row:has(.codicon-error)';

describe('Tree after an outage', function () {
  this.timeout(120_000);
  useBuckets(FIRST, SECOND);
  let account: AccountNode;

  before(async () => {
    const client = adminClient();
    await putObject(client, { bucket: FIRST, key: 'docs/guide.md', body: 'guide' }, signal());
    await putObject(client, { bucket: FIRST, key: 'first-top.txt', body: 'top' }, signal());
    await putObject(client, { bucket: SECOND, key: 'second-top.txt', body: 'top' }, signal());
    account = (await addServerAccount('Outage')) as AccountNode;
  });

  afterEach(() => faults.clear());

  /** Expands both buckets and FIRST's docs/ folder in the view. */
  async function expandAll(): Promise<void> {
    const { view } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
    const first = await child(account, FIRST);
    const second = account.loadedBucket(SECOND) as ExplorerNode;
    await view.reveal(first, { expand: true, select: false });
    await view.reveal(await child(first, 'docs/'), { expand: true, select: false });
    await view.reveal(second, { expand: true, select: false });
    for (const name of [FIRST, 'docs', SECOND]) {
      assert.equal(await isVisible({ selector: expandedRow(name) }), true, `${name} expanded before`);
    }
  }

  it('Refresh after an outage brings back the buckets and folders that were expanded, expanded', async function () {
    requireWorkbench(this);
    await expandAll();
    const over = Date.now() + OUTAGE_MS;
    await faults.outage(OUTAGE_MS);
    await vscode.commands.executeCommand('r2.refresh');
    assert.equal(await isVisible({ selector: ERROR_ROW }), true, 'the account shows why it cannot list');
    await screenshot('tree-outage');
    // Waits for the server to come back, as a user would before pressing Refresh again.
    await new Promise((resolve) => setTimeout(resolve, over - Date.now() + 500));
    await vscode.commands.executeCommand('r2.refresh');
    assert.equal(await isVisible({ selector: row('guide.md') }), true, 'docs/ is expanded again');
    for (const name of [FIRST, 'docs', SECOND]) {
      assert.equal(await isVisible({ selector: expandedRow(name) }), true, `${name} expanded after`);
    }
  });

  it('Retry on one failed listing retries the others that failed the same way', async function () {
    requireWorkbench(this);
    await expandAll();
    // Every listing of objects fails (500, past the client's retries); buckets still list.
    await faults.inject({ type: 'error', operation: 'ListObjectsV2', status: 500, times: 1000 });
    await vscode.commands.executeCommand('r2.refresh');
    assert.equal(await isVisible({ selector: `${ERROR_ROW} >> nth=1` }), true, 'both buckets show the failure');
    await faults.clear();
    await click(`${ERROR_ROW}`);
    assert.equal(await isVisible({ selector: row('first-top.txt') }), true);
    assert.equal(await isVisible({ selector: row('second-top.txt') }), true, 'the other bucket was retried too');
    assert.equal(await isVisible({ selector: ERROR_ROW }, 1000), false);
  });
});
