import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, child, removeAllAccounts, server } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

// The local server listens on 127.0.0.1 only. Linux (and macOS) connect 0.0.0.0 to the local host,
// so this URL reaches it, yet it is no loopback address the extension trusts with plain http.
const OFF_LOOPBACK = `http://0.0.0.0:${new URL(server.endpoint).port}`;
const WARNING = /plain http.*secret access key.*unencrypted/s;

function assertMarked(node: ExplorerNode): void {
  const item = node.getTreeItem();
  assert.ok(item.iconPath instanceof vscode.ThemeIcon, 'the row has a codicon');
  assert.equal(item.iconPath.id, 'warning');
  assert.match(String(item.description), /not encrypted/);
  assert.match(String(item.tooltip), /secret access key signs requests sent unencrypted/);
}

function assertNotMarked(node: ExplorerNode): void {
  const item = node.getTreeItem();
  assert.equal((item.iconPath as vscode.ThemeIcon).id, 'cloud');
  assert.doesNotMatch(`${String(item.description)} ${String(item.tooltip)}`, /encrypted/);
}

describe('Accounts over plain http', () => {
  afterEach(removeAllAccounts);

  it('plain http: Add Account warns about an endpoint off this machine, and the row shows it', async () => {
    const prompts = await runWithPrompts(
      'r2.addAccount',
      [],
      [OFF_LOOPBACK, server.admin.accessKeyId, server.admin.secretAccessKey, 'LAN'],
    );
    assert.ok(
      prompts.shown.some((shown) => shown.level === 'warning' && WARNING.test(shown.message)),
      JSON.stringify(prompts.shown),
    );
    assertMarked(await child(undefined, 'LAN'));
  });

  it('plain http: a loopback endpoint is neither warned about nor marked', async () => {
    const prompts = await runWithPrompts(
      'r2.addAccount',
      [],
      [server.endpoint, server.admin.accessKeyId, server.admin.secretAccessKey, 'Local'],
    );
    assert.deepEqual(
      prompts.shown.filter((shown) => shown.level === 'warning'),
      [],
    );
    assertNotMarked(await child(undefined, 'Local'));
  });

  it('plain http: Edit Account warns when the endpoint moves off this machine, and the row shows it', async () => {
    const node = await addServerAccount('Moved');
    assertNotMarked(node);
    const prompts = await runWithPrompts(
      'r2.editAccount',
      [node],
      [OFF_LOOPBACK, server.admin.accessKeyId, server.admin.secretAccessKey, 'Moved'],
    );
    assert.ok(
      prompts.shown.some((shown) => shown.level === 'warning' && WARNING.test(shown.message)),
      JSON.stringify(prompts.shown),
    );
    assertMarked(await child(undefined, 'Moved'));
  });

  it('plain http: Import from AWS Profile warns about an endpoint_url off this machine, and the row shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2-aws-'));
    const saved = { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
    writeFileSync(
      join(dir, 'credentials'),
      [
        '[lan-minio]',
        `aws_access_key_id = ${server.admin.accessKeyId}`,
        `aws_secret_access_key = ${server.admin.secretAccessKey}`,
        `endpoint_url = ${OFF_LOOPBACK}`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'config'), '');
    // The command reads the files the awscli would, from these variables (the suite shares its process).
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    try {
      const prompts = await runWithPrompts('r2.importAwsProfile', [], ['lan-minio']);
      assert.ok(
        prompts.shown.some((shown) => shown.level === 'warning' && WARNING.test(shown.message)),
        JSON.stringify(prompts.shown),
      );
      assertMarked(await child(undefined, 'lan-minio'));
    } finally {
      for (const [name, value] of [
        ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
        ['AWS_CONFIG_FILE', saved.config],
      ] as const) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
