// The secret access key goes to SecretStorage and nowhere else: not settings, not globalState,
// not the log, not a message, not a URL, not a file. Commands run here include failures.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AccountStore } from '../../../src/accounts/accountStore';
import { putObject } from '../../../src/r2';
import { MemoryMemento, MemorySecrets } from '../../support/memoryStorage';
import { addServerAccount, adminClient, api, child, children, faults, server, useBuckets } from '../support/extension';
import { localTree, randomContent } from '../support/files';
import type { PromptLog } from '../support/prompts';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'hygiene-bucket';
const SECRETS = [server.admin.secretAccessKey, server.scoped.secretAccessKey, server.revocable.secretAccessKey];
const signal = () => AbortSignal.timeout(120_000);

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

describe('Secret hygiene', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const shown: PromptLog['shown'] = [];
  const run = async (command: string, args: unknown[], answers: Parameters<typeof runWithPrompts>[2] = []) => {
    shown.push(...(await runWithPrompts(command, args, answers)).shown);
  };

  before(async () => {
    await putObject(adminClient(), { bucket: BUCKET, key: 'doc.txt', body: 'doc' }, signal());
  });

  it('the account store keeps the secret in SecretStorage only, and removing the account deletes it', async () => {
    const state = new MemoryMemento();
    const secrets = new MemorySecrets();
    const store = new AccountStore(state, secrets);
    const account = {
      id: 'a1',
      name: 'A',
      jurisdiction: 'default' as const,
      endpoint: server.endpoint,
      accessKeyId: server.admin.accessKeyId,
    };
    await store.save(account, server.admin.secretAccessKey);
    assert.deepEqual(leaks(JSON.stringify([...state.values])), []);
    assert.deepEqual([...secrets.values.values()], [server.admin.secretAccessKey]);
    await store.remove('a1');
    assert.equal(secrets.values.size, 0);
    store.dispose();
  });

  it('appears in no message, setting, clipboard or file after commands that succeed and fail', async () => {
    // A wrong secret that is one character off the real one must not be echoed either.
    await run(
      'r2.addAccount',
      [],
      [server.endpoint, server.admin.accessKeyId, `${server.admin.secretAccessKey.slice(0, -1)}0`, 'Wrong'],
    );
    const account = await addServerAccount('Hygiene');
    const bucket = await child(account, BUCKET);
    await children(bucket);
    const root = await localTree({ 'up.txt': 'up' });
    await run('r2.upload', [bucket, [vscode.Uri.file(join(root, 'up.txt'))]]);
    await run('r2.copyS3Uri', [await child(bucket, 'doc.txt')]);
    // A presigned URL carries the access key ID (S3 requires it) and a signature, never the secret.
    await run('r2.copyPresignedUrl', [await child(bucket, 'doc.txt')], ['GET', '1 hour']);
    const presigned = await vscode.env.clipboard.readText();
    assert.match(presigned, new RegExp(`X-Amz-Credential=${server.admin.accessKeyId}%2F`));
    assert.deepEqual(leaks(presigned), []);
    // Failures that reach the log and the error message.
    await faults.inject({ type: 'error', status: 500, operation: 'PutObject', times: 'always' });
    await run('r2.newFolder', [bucket], ['failing']);
    await faults.clear();
    await run('r2.newFolder', [bucket], ['x/y']);
    // A large upload fails in the transfer thread, which was handed the secret: its failure reaches
    // the message and the log as the main thread's do.
    const handed = (await api()).transferThread.handed;
    const large = await localTree({ 'large.bin': randomContent(40 * 1024 * 1024) });
    await faults.inject({ type: 'error', status: 500, operation: 'UploadPart', times: 'always' });
    await run('r2.upload', [bucket, [vscode.Uri.file(join(large, 'large.bin'))]]);
    await faults.clear();
    assert.equal((await api()).transferThread.handed, handed + 1, 'the large upload went to the thread');
    assert.match(shown.at(-1)?.message ?? '', /^0 uploaded, 1 failed/);
    // Downloads refused on the local side: a symbolic link below the chosen folder, a name too long.
    // A bucket downloads into a folder named after it: the link is planted there.
    const target = await localTree({ 'outside/keep.txt': 'keep', [`${BUCKET}/.keep`]: '' });
    symlinkSync(join(target, 'outside'), join(target, BUCKET, 'linked'));
    await putObject(adminClient(), { bucket: BUCKET, key: 'linked/doc.txt', body: 'doc' }, signal());
    await putObject(
      adminClient(),
      { bucket: BUCKET, key: `linked-not/${'n'.repeat(256)}.txt`, body: 'long' },
      signal(),
    );
    await run('r2.download', [bucket], [[vscode.Uri.file(target)]]);

    assert.ok(
      shown.some((message) => message.level === 'error'),
      'a failure was shown',
    );
    assert.deepEqual(
      shown.filter((message) => leaks(message.message).length > 0),
      [],
    );
    assert.deepEqual(leaks(JSON.stringify(vscode.workspace.getConfiguration('r2'))), []);
    assert.deepEqual(leaks(await vscode.env.clipboard.readText()), []);
    // Settings, global state, logs (the output channel's file included) live under the run folder.
    const runDir = process.env.R2_TEST_RUN_DIR!;
    const files = filesUnder(runDir);
    assert.ok(
      files.some((file) => file.includes('R2 Explorer')),
      'the output channel has a log file',
    );
    assert.deepEqual(
      files.filter((file) => leaks(readFileSync(file, 'latin1')).length > 0),
      [],
    );
    const log = files
      .filter((file) => file.includes('R2 Explorer'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    assert.doesNotMatch(log, /Signature=[0-9a-f]{64}/);
    assert.match(log, /linked\/doc\.txt/, 'the refused download was logged');
  });
});
