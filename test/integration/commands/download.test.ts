import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    for (const key of [
      'dl/ok.txt',
      'dl/sub/deep.txt',
      'dl/../evil',
      'dl/../../evil2',
      'dl//empty-segment',
      'dl/marker/',
      'single.txt',
    ]) {
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
    assert.match(prompts.shown.at(-1)?.message ?? '', /^2 downloaded, 3 failed[.:] /);
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
    // The same bytes (single-part ETag = MD5): nothing to ask, nothing written.
    const same = scriptPrompts([[vscode.Uri.file(target)]]);
    try {
      await vscode.commands.executeCommand('r2.download', single);
    } finally {
      same.restore();
    }
    assert.deepEqual(
      same.shown.filter((m) => m.level === 'warning'),
      [],
    );
    // Other bytes: asked, with both sides' size and date; one object: no Skip All or Overwrite All.
    writeFileSync(join(target, 'single.txt'), 'local edits, longer');
    const again = scriptPrompts([[vscode.Uri.file(target)]], undefined);
    try {
      await vscode.commands.executeCommand('r2.download', single);
    } finally {
      again.restore();
    }
    const question = again.shown.find((m) => m.level === 'warning');
    assert.match(
      question?.message ?? '',
      /"single\.txt" already exists in .+\. Overwrite it\?\n\nLocal file: 19 B, modified \d{4}-\d\d-\d\d \d\d:\d\d\nIn R2: 18 B, modified \d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    assert.deepEqual(question?.items, ['Overwrite']);
    assert.equal(readFileSync(join(target, 'single.txt'), 'utf8'), 'local edits, longer');
  });
});
