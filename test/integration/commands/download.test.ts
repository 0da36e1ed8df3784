import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { scriptPrompts } from '../support/prompts';

const BUCKET = 'download-bucket';
const signal = () => AbortSignal.timeout(120_000);

describe('Download', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const client = adminClient();

  before(async () => {
    for (const key of ['dl/ok.txt', 'dl/sub/deep.txt', 'dl/../evil', 'dl/../../evil2', 'dl//empty-segment', 'dl/marker/', 'single.txt']) {
      await putObject(client, { bucket: BUCKET, key, body: `body of ${key}` }, signal());
    }
    await addServerAccount('Local R2');
  });

  it('downloads a folder into the chosen folder; keys that would escape it are refused and reported', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'r2-dl-'));
    const target = join(parent, 'target');
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(target));
    const folder = await child(await child(await child(undefined, 'Local R2'), BUCKET), 'dl/');
    const prompts = scriptPrompts([[vscode.Uri.file(target)]]);
    try {
      await vscode.commands.executeCommand('r2.download', folder);
    } finally {
      prompts.restore();
    }
    assert.equal(readFileSync(join(target, 'dl', 'ok.txt'), 'utf8'), 'body of dl/ok.txt');
    assert.equal(readFileSync(join(target, 'dl', 'sub', 'deep.txt'), 'utf8'), 'body of dl/sub/deep.txt');
    // Nothing outside the chosen folder, and no temporary files left.
    assert.deepEqual(readdirSync(parent), ['target']);
    assert.equal(existsSync(join(target, 'evil')), false);
    assert.deepEqual(readdirSync(join(target, 'dl')).sort(), ['ok.txt', 'sub']);
    assert.match(prompts.shown.at(-1)?.message ?? '', /^2 downloaded, 3 failed\.$/);
    assert.deepEqual(prompts.shown.at(-1)?.items, ['Show Log']);
  });

  it('downloads the selected objects, asking before replacing a local file', async () => {
    const target = await mkdtemp(join(tmpdir(), 'r2-dl-'));
    const bucketNode = await child(await child(undefined, 'Local R2'), BUCKET);
    const single = await child(bucketNode, 'single.txt');
    const first = scriptPrompts([[vscode.Uri.file(target)]]);
    try {
      await vscode.commands.executeCommand('r2.download', single, [single]);
    } finally {
      first.restore();
    }
    assert.equal(readFileSync(join(target, 'single.txt'), 'utf8'), 'body of single.txt');
    const again = scriptPrompts([[vscode.Uri.file(target)]], 'Skip');
    try {
      await vscode.commands.executeCommand('r2.download', single);
    } finally {
      again.restore();
    }
    assert.match(again.shown.find((m) => m.level === 'warning')?.message ?? '', /"single\.txt" already exists/);
    assert.match(again.shown.at(-1)?.message ?? '', /0 downloaded, 1 skipped/);
  });
});
