// Bad input reaching the commands: every row ends in a clear message and nothing lost.
import { strict as assert } from 'node:assert';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { headObject, listPage } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import { scriptPrompts } from '../support/prompts';

const BUCKET = 'bad-input-bucket';
const signal = () => AbortSignal.timeout(300_000);

async function countKeys(prefix: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await listPage(adminClient(), { bucket: BUCKET, prefix, delimiter: '', token }, signal());
    count += page.objects.length;
    token = page.nextToken;
  } while (token);
  return count;
}

describe('Bad input', function () {
  this.timeout(300_000);
  useBuckets(BUCKET);
  let bucketNode: ExplorerNode;

  before(async () => {
    bucketNode = await child(await addServerAccount('Local R2'), BUCKET);
  });

  it('uploads a folder of 10,000 files, reporting the count', async () => {
    const root = await localTree({});
    await mkdir(join(root, 'many'));
    for (let i = 0; i < 10_000; i++) {
      await writeFile(join(root, 'many', `f-${String(i).padStart(5, '0')}.txt`), String(i));
    }
    const prompts = scriptPrompts([]);
    try {
      await vscode.commands.executeCommand('r2.upload', bucketNode, [vscode.Uri.file(join(root, 'many'))]);
    } finally {
      prompts.restore();
    }
    assert.match(prompts.shown.at(-1)?.message ?? '', /^Uploaded 10,000 files to /);
    assert.equal(await countKeys('many/'), 10_000);
  });

  it('uploads a 0-byte file, and reports a broken link in a folder without losing the rest', async () => {
    const root = await localTree({ 'mixed/empty.txt': '', 'mixed/real.txt': 'real' });
    await symlink(join(root, 'nowhere'), join(root, 'mixed', 'broken-link'));
    const prompts = scriptPrompts([], undefined);
    try {
      await vscode.commands.executeCommand('r2.upload', bucketNode, [vscode.Uri.file(join(root, 'mixed'))]);
    } finally {
      prompts.restore();
    }
    assert.equal(prompts.shown.at(-1)?.message, '2 uploaded, 1 failed: it no longer exists, or is a broken link.');
    assert.equal((await headObject(adminClient(), { bucket: BUCKET, key: 'mixed/empty.txt' }, signal())).size, 0);
    assert.equal(await countKeys('mixed/'), 2);
  });

  it('refuses an endpoint that is not a URL and an account ID of the wrong shape while they are typed', async () => {
    for (const input of ['not a url', `${'0'.repeat(31)}g`, 'ftp://files.example.com']) {
      const prompts = scriptPrompts([input]);
      try {
        await vscode.commands.executeCommand('r2.addAccount');
      } finally {
        prompts.restore();
      }
      assert.equal(
        prompts.refused[0],
        'Enter a 32-character hexadecimal account ID or an http(s):// endpoint URL.',
        input,
      );
    }
  });
});
