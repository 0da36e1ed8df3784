import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { getObjectBytes, putObject } from '../../../src/r2';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import type { PromptLog } from '../support/prompts';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `links-${Date.now().toString(36)}`;
const ODD_KEY = 'odd/a b#1?x=y+z ünï.txt';
const signal = () => AbortSignal.timeout(60_000);
const curl = promisify(execFile);

/** The clipboard once a notification's button has replaced `before` in it. */
async function clipboardAfter(before: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const text = await vscode.env.clipboard.readText();
    if (text !== before) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the clipboard still holds ${before}`);
}

async function run<T>(
  command: string,
  args: unknown[],
  answers: Parameters<typeof scriptPrompts>[0],
  messageAnswer?: string,
): Promise<{ result: T; prompts: PromptLog }> {
  const prompts = scriptPrompts(answers, messageAnswer);
  try {
    return { result: await vscode.commands.executeCommand<T>(command, ...args), prompts };
  } finally {
    prompts.restore();
  }
}

/** The addresses `work` opens in the browser (vscode.env.openExternal, replaced while it runs). */
async function browserOpens(work: () => Thenable<unknown>): Promise<string[]> {
  const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
  const original = env.openExternal;
  const opened: string[] = [];
  env.openExternal = async (uri: vscode.Uri) => {
    opened.push(uri.toString(true));
    return true;
  };
  try {
    await work();
  } finally {
    env.openExternal = original;
  }
  return opened;
}

function tamper(url: string): string {
  const parsed = new URL(url);
  const signature = parsed.searchParams.get('X-Amz-Signature') ?? '';
  parsed.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
  return parsed.toString();
}

describe('Presigned and public URLs', function () {
  this.timeout(60_000);
  useBuckets(BUCKET);
  const client = adminClient();
  let object: ExplorerNode;

  before(async () => {
    await putObject(
      client,
      { bucket: BUCKET, key: 'share/report.txt', body: 'quarterly numbers\n', contentType: 'text/plain' },
      signal(),
    );
    await putObject(client, { bucket: BUCKET, key: ODD_KEY, body: 'odd' }, signal());
    const bucket = await child(await addServerAccount('Links'), BUCKET);
    object = await child(await child(bucket, 'share/'), 'report.txt');
  });

  it('copies a presigned GET URL that plain fetch can use, and says when it expires', async () => {
    const { result: url, prompts } = await run<string>('r2.copyPresignedUrl', [object], ['GET', '1 hour']);
    assert.match(
      prompts.shown[0].message,
      /^Copied a presigned GET URL for "share\/report\.txt"\. It expires in 1 hour, at .+\.$/,
    );
    assert.equal(await vscode.env.clipboard.readText(), url);
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'quarterly numbers\n');
    // One character of the signature changed: refused.
    assert.equal((await fetch(tamper(url))).status, 403);
  });

  it('makes URLs that stop working when they expire', async () => {
    const { result: url } = await run<string>('r2.copyPresignedUrl', [object], ['GET', '$(edit) Custom…', '1']);
    assert.match(url, /X-Amz-Expires=1&/);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal((await fetch(url)).status, 403);
  });

  it('refuses an expiry over 7 days', async () => {
    const { result, prompts } = await run<string | undefined>(
      'r2.copyPresignedUrl',
      [object],
      ['GET', '$(edit) Custom…', '8d'],
    );
    assert.equal(result, undefined);
    assert.deepEqual(prompts.refused, [
      'A presigned URL can last at most 7 days (604,800 seconds); R2 refuses longer ones.',
    ]);
  });

  it('copies a presigned GET URL whose notification offers a curl command that downloads it', async () => {
    const { result: url, prompts } = await run<string>(
      'r2.copyPresignedUrl',
      [object],
      ['GET', '1 hour'],
      'Copy curl command',
    );
    assert.deepEqual(prompts.shown[0].items, ['Copy curl command']);
    const command = await clipboardAfter(url);
    assert.equal(command, `curl -o report.txt '${url}'`);
    const folder = await localTree({});
    await curl('/bin/sh', ['-c', `${command} -sS --fail`], { cwd: folder });
    assert.equal(await readFile(join(folder, 'report.txt'), 'utf8'), 'quarterly numbers\n');
  });

  it('copies a presigned PUT URL that binds no Content-Type by default: the curl command offered uploads', async () => {
    const { result: url, prompts } = await run<string>(
      'r2.copyPresignedUrl',
      [object],
      ['PUT', 'Any Content-Type', '15 minutes'],
      'Copy curl command',
    );
    assert.doesNotMatch(prompts.shown[0].message, /Content-Type/);
    assert.deepEqual(prompts.shown[0].items, ['Copy curl command']);
    const command = await clipboardAfter(url);
    assert.equal(command, `curl -X PUT --upload-file report.txt '${url}'`);
    const folder = await localTree({ 'report.txt': 'new bytes\n' });
    await curl('/bin/sh', ['-c', `${command} -sS --fail`], { cwd: folder });
    const { bytes } = await getObjectBytes(
      client,
      { bucket: BUCKET, key: 'share/report.txt', maxBytes: 1024 },
      signal(),
    );
    assert.equal(bytes.toString(), 'new bytes\n');
  });

  it('reads typed expiries such as "2 days", "90 min" and "1.5h"', async () => {
    for (const [typed, seconds] of [
      ['2 days', 172800],
      ['90 min', 5400],
      ['1.5h', 5400],
    ] as const) {
      const { result: url, prompts } = await run<string>(
        'r2.copyPresignedUrl',
        [object],
        ['GET', '$(edit) Custom…', typed],
      );
      assert.deepEqual(prompts.refused, [], typed);
      assert.match(url, new RegExp(`X-Amz-Expires=${seconds}&`), typed);
    }
  });

  it('copies a presigned PUT URL, bound to a Content-Type when chosen, that curl uploads with', async () => {
    const { result: url, prompts } = await run<string>(
      'r2.copyPresignedUrl',
      [object],
      ['PUT', 'Require a Content-Type…', 'text/csv', '15 minutes'],
    );
    assert.match(prompts.shown[0].message, /presigned PUT URL .*Content-Type: text\/csv.* expires in 15 minutes/);
    const file = join(await localTree({ 'upload.csv': 'a,b\n1,2\n' }), 'upload.csv');
    const status = async (...headers: string[]) =>
      (
        await curl('/usr/bin/curl', [
          '-sS',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '-T',
          file,
          ...headers.flatMap((header) => ['-H', header]),
          url,
        ])
      ).stdout;
    // Without the bound type the signature does not match.
    assert.equal(await status('Content-Type: text/plain'), '403');
    assert.equal(await status('Content-Type: text/csv'), '200');
    const { head, bytes } = await getObjectBytes(
      client,
      { bucket: BUCKET, key: 'share/report.txt', maxBytes: 1024 },
      signal(),
    );
    assert.equal(bytes.toString(), 'a,b\n1,2\n');
    assert.equal(head.contentType, 'text/csv');
    await writeFile(file, 'unused');
  });

  it('copies a presigned HEAD URL', async () => {
    const { result: url } = await run<string>('r2.copyPresignedUrl', [object], ['HEAD', '1 day']);
    const response = await fetch(url, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal((await fetch(url)).status, 403, 'a HEAD URL does not download');
  });

  it('opens an object in the browser: a presigned GET of 15 minutes while the bucket has no public URL', async () => {
    const opened = await browserOpens(() => vscode.commands.executeCommand('r2.openInBrowser', object));
    const presigned = new URL(opened[0]);
    assert.equal(presigned.searchParams.get('X-Amz-Expires'), '900');
    const { bytes } = await getObjectBytes(
      client,
      { bucket: BUCKET, key: 'share/report.txt', maxBytes: 1024 },
      signal(),
    );
    assert.equal(await (await fetch(presigned)).text(), bytes.toString());
  });

  it('copies the public URL of an odd key as base + encoded key, offering to set the base first', async () => {
    const bucket = await child(await child(undefined, 'Links'), BUCKET);
    const odd = await child(await child(bucket, 'odd/'), 'a b#1?x=y+z ünï.txt');
    const base = 'https://pub-0123456789abcdef.r2.dev';
    const prompts = scriptPrompts([base], 'Set Public URL…');
    let url: string | undefined;
    try {
      url = await vscode.commands.executeCommand<string>('r2.copyPublicUrl', odd);
    } finally {
      prompts.restore();
    }
    assert.match(prompts.shown[0].message, /has no public URL yet/);
    assert.equal(url, `${base}/odd/a%20b%231%3Fx%3Dy%2Bz%20%C3%BCn%C3%AF.txt`);
    assert.equal(await vscode.env.clipboard.readText(), url);
  });
});
