// R2's language-model tools, called as an agent calls them: vscode.lm.invokeTool, no model needed.
// Write tools make VS Code ask the user first (its own dialog, answered here in the page).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { getObjectBytes, headIfExists, putObject } from '../../../src/r2';
import { addServerAccount, adminClient, api, child, server, useBuckets } from '../support/extension';
import { putNumberedKeys } from '../support/files';
import { scriptPrompts } from '../support/prompts';

const BUCKET = `agent-${Date.now().toString(36)}`;
const OTHER = `agent-other-${Date.now().toString(36)}`;
const TOOLS = [
  'r2_listBuckets',
  'r2_listObjects',
  'r2_getObjectMetadata',
  'r2_readObjectText',
  'r2_findKeys',
  'r2_createDownloadLink',
  'r2_uploadFile',
  'r2_writeObjectText',
  'r2_deleteObjects',
  'r2_copyObject',
];
const SECRETS = [server.admin.secretAccessKey, server.scoped.secretAccessKey];
const signal = () => AbortSignal.timeout(60_000);
const answers: string[] = [];

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
  answers.push(text);
  return text;
}

function json<T = Record<string, unknown>>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not a JSON answer: ${text}`);
  }
}

/** What VS Code asks the user before the tool runs (its title and message), or undefined. */
async function confirmationOf(name: string, input: object): Promise<string | undefined> {
  const tool = (await api()).agentTools.get(name);
  assert.ok(tool?.prepareInvocation, `${name} prepares its invocation`);
  const prepared = await tool.prepareInvocation({ input }, new vscode.CancellationTokenSource().token);
  const messages = prepared?.confirmationMessages;
  return (
    messages && `${messages.title} ${typeof messages.message === 'string' ? messages.message : messages.message.value}`
  );
}

/**
 * Checks what a write tool would ask, then invokes it. VS Code shows the question itself; in an
 * extension test run it answers its own dialogs Yes, so the question is checked here, word for word.
 */
async function invokeConfirmed(name: string, input: object, expected: string): Promise<string> {
  const question = await confirmationOf(name, input);
  assert.ok(question?.includes(expected), `the confirmation says "${expected}"; it says: ${question}`);
  return invoke(name, input);
}

describe('Language-model tools', function () {
  this.timeout(120_000);
  useBuckets(BUCKET, OTHER);
  const client = adminClient();

  before(async () => {
    await putNumberedKeys(client, BUCKET, { prefix: 'logs/', count: 2500, suffix: '.log' });
    await putObject(
      client,
      { bucket: BUCKET, key: 'config/staging.json', body: '{"mode":"staging"}', contentType: 'application/json' },
      signal(),
    );
    await putObject(
      client,
      { bucket: BUCKET, key: 'img/pixel.png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) },
      signal(),
    );
    await addServerAccount('Agent');
    await vscode.workspace
      .getConfiguration('chat')
      .update('disableAIFeatures', false, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('chat')
      .update('disableAIFeatures', undefined, vscode.ConfigurationTarget.Global);
  });

  it('asks before every write and never before a read', async () => {
    const object = { bucket: BUCKET, key: 'k' };
    const inputs: Record<string, object> = {
      r2_listBuckets: {},
      r2_listObjects: { bucket: BUCKET },
      r2_getObjectMetadata: object,
      r2_readObjectText: object,
      r2_findKeys: { pattern: 'k' },
      r2_createDownloadLink: object,
      r2_uploadFile: { ...object, path: 'p' },
      r2_writeObjectText: { ...object, text: 't' },
      r2_deleteObjects: { bucket: BUCKET, keys: ['k'] },
      r2_copyObject: { ...object, toKey: 'k2' },
    };
    const asking = [];
    for (const name of TOOLS) {
      if ((await confirmationOf(name, inputs[name])) !== undefined) {
        asking.push(name);
      }
    }
    assert.deepEqual(asking, ['r2_uploadFile', 'r2_writeObjectText', 'r2_deleteObjects', 'r2_copyObject']);
  });

  it('declares and registers every tool', () => {
    const registered = vscode.lm.tools.map((tool) => tool.name).filter((name) => name.startsWith('r2_'));
    assert.deepEqual(registered.sort(), [...TOOLS].sort());
  });

  it('lists buckets and one folder level, page by page', async () => {
    const buckets = json<{ accounts: Array<{ account: string; buckets: string[] }> }>(
      await invoke('r2_listBuckets', {}),
    );
    assert.equal(buckets.accounts[0].account, 'Agent');
    assert.ok(buckets.accounts[0].buckets.includes(BUCKET));
    const root = json<{ folders: string[]; objects: unknown[] }>(await invoke('r2_listObjects', { bucket: BUCKET }));
    assert.deepEqual(root.folders, ['config/', 'img/', 'logs/']);
    const first = json<{ objects: Array<{ key: string }>; continuationToken: string }>(
      await invoke('r2_listObjects', { bucket: BUCKET, prefix: 'logs/', maxKeys: 2 }),
    );
    assert.deepEqual(
      first.objects.map((object) => object.key),
      ['logs/0000.log', 'logs/0001.log'],
    );
    const next = json<{ objects: Array<{ key: string }> }>(
      await invoke('r2_listObjects', {
        bucket: BUCKET,
        prefix: 'logs/',
        maxKeys: 2,
        continuationToken: first.continuationToken,
      }),
    );
    assert.deepEqual(
      next.objects.map((object) => object.key),
      ['logs/0002.log', 'logs/0003.log'],
    );
  });

  it('reads metadata and text, and refuses binary content and missing keys with a next step', async () => {
    const head = json<{ size: number; contentType: string }>(
      await invoke('r2_getObjectMetadata', { bucket: BUCKET, key: 'config/staging.json' }),
    );
    assert.equal(head.size, 18);
    assert.equal(head.contentType, 'application/json');
    const read = json<{ text: string; etag: string; truncated: boolean }>(
      await invoke('r2_readObjectText', { bucket: BUCKET, key: 'config/staging.json' }),
    );
    assert.equal(read.text, '{"mode":"staging"}');
    assert.equal(read.truncated, false);
    const cut = json<{ text: string; truncated: boolean }>(
      await invoke('r2_readObjectText', { bucket: BUCKET, key: 'config/staging.json', maxBytes: 5 }),
    );
    assert.deepEqual([cut.text, cut.truncated], ['{"mod', true]);
    assert.match(
      await invoke('r2_readObjectText', { bucket: BUCKET, key: 'img/pixel.png' }),
      /^Not done: .*is not UTF-8 text/,
    );
    assert.match(
      await invoke('r2_getObjectMetadata', { bucket: BUCKET, key: 'config/missing.json' }),
      /^Failed on "config\/missing\.json" in bucket ".*": .*r2_listObjects or r2_findKeys/,
    );
  });

  it('answers bad input with what to change, before any request', async () => {
    assert.match(
      await invoke('r2_listObjects', { bucket: 'Not_A_Bucket' }),
      /^Not done: "Not_A_Bucket" is not a valid bucket name/,
    );
    assert.match(
      await invoke('r2_listObjects', { bucket: BUCKET, account: 'Nobody' }),
      /No R2 account is named "Nobody". The accounts are: "Agent"/,
    );
    assert.match(
      await invoke('r2_readObjectText', { bucket: BUCKET, key: 'x'.repeat(1025) }),
      /"key" must be a key of 1 to 1,024 bytes/,
    );
    assert.match(
      await invoke('r2_listObjects', { bucket: BUCKET, maxKeys: 5000 }),
      /^Not done: .*maxKeys.*must be <= 1000/,
    );
    assert.match(
      await invoke('r2_listObjects', { bucket: BUCKET, colour: 'red' }),
      /^Not done: .*additional properties/,
    );
  });

  it('finds keys page by page, with its request count and cap', async () => {
    const found = json<{
      results: Array<{ matches: Array<{ key: string }>; keysScanned: number; complete: boolean }>;
      listRequests: number;
    }>(await invoke('r2_findKeys', { bucket: BUCKET, prefix: 'logs/', pattern: '24*.log' }));
    assert.deepEqual(
      found.results[0].matches.map((match) => match.key),
      Array.from({ length: 100 }, (_, index) => `logs/${2400 + index}.log`),
    );
    assert.deepEqual([found.results[0].keysScanned, found.results[0].complete, found.listRequests], [2500, true, 3]);
    const capped = json<{
      results: Array<{ keysScanned: number; complete: boolean }>;
      listRequests: number;
      note: string;
    }>(await invoke('r2_findKeys', { bucket: BUCKET, pattern: 'staging', maxPages: 1 }));
    assert.deepEqual(
      [capped.results[0].keysScanned, capped.results[0].complete, capped.listRequests],
      [1000, false, 1],
    );
    assert.match(capped.note, /stopped at its cap/);
    const everywhere = json<{ results: Array<{ bucket: string; matches: Array<{ key: string }> }> }>(
      await invoke('r2_findKeys', { pattern: 'STAGING' }),
    );
    assert.deepEqual(
      everywhere.results.find((result) => result.bucket === BUCKET)?.matches.map((match) => match.key),
      ['config/staging.json'],
    );
  });

  it('creates a download link that works, only for a key that exists', async () => {
    const link = json<{ url: string }>(
      await invoke('r2_createDownloadLink', { bucket: BUCKET, key: 'config/staging.json', expiresInMinutes: 60 }),
    );
    assert.equal(await (await fetch(link.url)).text(), '{"mode":"staging"}');
    assert.match(await invoke('r2_createDownloadLink', { bucket: BUCKET, key: 'nope.txt' }), /^Failed on "nope\.txt"/);
    assert.match(
      await invoke('r2_createDownloadLink', { bucket: BUCKET, key: 'config/staging.json', expiresInMinutes: 100000 }),
      /^Not done:/,
    );
  });

  it('writes text only after the user confirms, create-only or replacing the version read', async () => {
    const created = await invokeConfirmed(
      'r2_writeObjectText',
      { bucket: BUCKET, key: 'notes/todo.md', text: '# todo' },
      `Create "notes/todo.md" in bucket "${BUCKET}" (account "Agent") with 6 bytes of text`,
    );
    const { etag } = json<{ written: { etag: string } }>(created).written;
    assert.equal(
      (
        await getObjectBytes(client, { bucket: BUCKET, key: 'notes/todo.md', maxBytes: 100 }, signal())
      ).bytes.toString(),
      '# todo',
    );
    assert.match(
      await invokeConfirmed(
        'r2_writeObjectText',
        { bucket: BUCKET, key: 'notes/todo.md', text: 'again' },
        'Nothing is replaced',
      ),
      /already exists.*"overwrite": true|AlreadyExists|already exists/,
    );
    // Someone else writes between the read and the agent's write: the agent's write is refused.
    await putObject(client, { bucket: BUCKET, key: 'notes/todo.md', body: 'theirs' }, signal());
    assert.match(
      await invokeConfirmed(
        'r2_writeObjectText',
        { bucket: BUCKET, key: 'notes/todo.md', text: 'mine', ifMatch: etag },
        `only if it is still the version read (etag ${etag})`,
      ),
      /Someone changed it since it was read; nothing was written/,
    );
    assert.equal(
      (
        await getObjectBytes(client, { bucket: BUCKET, key: 'notes/todo.md', maxBytes: 100 }, signal())
      ).bytes.toString(),
      'theirs',
    );
  });

  it('uploads a workspace file create-only, and refuses files outside the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0].uri.fsPath;
    assert.ok(folder, 'the test host opens a workspace folder');
    await writeFile(join(folder, 'agent-upload.txt'), 'from the workspace');
    const uploaded = await invokeConfirmed(
      'r2_uploadFile',
      { bucket: BUCKET, key: 'uploads/a.txt', path: 'agent-upload.txt' },
      'Upload the workspace file "agent-upload.txt" to "uploads/a.txt"',
    );
    assert.deepEqual(json(uploaded), { uploaded: { bucket: BUCKET, key: 'uploads/a.txt', size: 18 } });
    const head = await headIfExists(client, { bucket: BUCKET, key: 'uploads/a.txt' }, signal());
    assert.equal(head?.contentType, 'text/plain; charset=utf-8');
    // The file changed: the object there is another version, and stays.
    await writeFile(join(folder, 'agent-upload.txt'), 'changed in the workspace');
    assert.match(
      await invokeConfirmed(
        'r2_uploadFile',
        { bucket: BUCKET, key: 'uploads/a.txt', path: 'agent-upload.txt' },
        'Nothing is replaced',
      ),
      /already exists in bucket .*nothing was uploaded/,
    );
    assert.match(
      await invokeConfirmed(
        'r2_uploadFile',
        { bucket: BUCKET, key: 'uploads/passwd', path: '/etc/passwd' },
        'Upload the workspace file "/etc/passwd"',
      ),
      /outside the workspace folders/,
    );
    assert.equal(await headIfExists(client, { bucket: BUCKET, key: 'uploads/passwd' }, signal()), undefined);
  });

  it('copies and moves after confirmation, and deletes the keys the confirmation counted', async () => {
    assert.match(
      await invokeConfirmed(
        'r2_copyObject',
        { bucket: BUCKET, key: 'config/staging.json', toBucket: OTHER, toKey: 'copied/staging.json' },
        `Copy "${BUCKET}/config/staging.json" to "${OTHER}/copied/staging.json" (account "Agent"); if the target exists, nothing is copied.`,
      ),
      /"copied"/,
    );
    assert.ok(await headIfExists(client, { bucket: OTHER, key: 'copied/staging.json' }, signal()));
    await invokeConfirmed(
      'r2_copyObject',
      { bucket: OTHER, key: 'copied/staging.json', toKey: 'moved/staging.json', move: true },
      'then delete the source',
    );
    assert.equal(await headIfExists(client, { bucket: OTHER, key: 'copied/staging.json' }, signal()), undefined);
    assert.ok(await headIfExists(client, { bucket: OTHER, key: 'moved/staging.json' }, signal()));
    const deleted = await invokeConfirmed(
      'r2_deleteObjects',
      { bucket: BUCKET, keys: ['logs/0000.log', 'logs/0001.log', 'logs/0002.log'] },
      `Delete from bucket "${BUCKET}" (account "Agent"), for good: "logs/0000.log", "logs/0001.log", "logs/0002.log".`,
    );
    assert.deepEqual(json(deleted), {
      bucket: BUCKET,
      deleted: ['logs/0000.log', 'logs/0001.log', 'logs/0002.log'],
      failed: [],
    });
  });

  it('with a bucket-scoped token: no bucket listing, refused writes elsewhere, each said plainly', async () => {
    await addServerAccount('Scoped', server.scoped);
    const buckets = json<{ accounts: Array<{ account: string; buckets: string[]; note?: string }> }>(
      await invoke('r2_listBuckets', { account: 'Scoped' }),
    );
    assert.match(buckets.accounts[0].note ?? '', /may not list buckets/);
    assert.match(
      await invoke('r2_listObjects', { account: 'Scoped', bucket: BUCKET }),
      /does not allow this.*Edit Account/,
    );
    assert.match(
      await invokeConfirmed(
        'r2_writeObjectText',
        { account: 'Scoped', bucket: BUCKET, key: 'x.txt', text: 'x' },
        '(account "Scoped")',
      ),
      /^Failed on "x\.txt".*does not allow this/,
    );
    const prompts = scriptPrompts([], 'Remove');
    try {
      await vscode.commands.executeCommand('r2.removeAccount', await child(undefined, 'Scoped'));
    } finally {
      prompts.restore();
    }
  });

  it('puts no secret in any answer or log line, and no presigned URL but the one asked for', () => {
    assert.deepEqual(
      answers.filter((answer) => SECRETS.some((secret) => answer.includes(secret))),
      [],
    );
    assert.deepEqual(
      answers.filter((answer) => answer.includes('X-Amz-Signature') && !answer.includes('"url"')),
      [],
    );
    const runDir = process.env.R2_TEST_RUN_DIR!;
    const logs = readdirSync(runDir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(runDir, name))
      .filter((path) => path.includes('R2 Explorer') && statSync(path).isFile())
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    assert.match(logs, /Agent tool r2_listObjects called/);
    assert.deepEqual(
      SECRETS.filter((secret) => logs.includes(secret)),
      [],
    );
    assert.doesNotMatch(logs, /X-Amz-Signature=/);
  });

  it('r2.tools.enabled off unregisters every tool', async () => {
    const config = vscode.workspace.getConfiguration('r2');
    await config.update('tools.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await assert.rejects(invoke('r2_listBuckets', {}));
    } finally {
      await config.update('tools.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.match(await invoke('r2_listBuckets', {}), /"accounts"/);
  });
});
