// A batch that fails says why in its summary, and offers only what can help: Retry Failed for
// failures a retry can fix, Edit Account when the key was refused.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, requests, server, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'summaries-bucket';
const signal = () => AbortSignal.timeout(120_000);

describe('Failure summaries', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);

  it('a copy onto itself says so, without Retry Failed', async () => {
    await putObject(adminClient(), { bucket: BUCKET, key: 'self.txt', body: 'self' }, signal());
    const account = await addServerAccount('Summaries');
    const self = await child(await child(account, BUCKET), 'self.txt');
    const prompts = await runWithPrompts('r2.copyTo', [self, [self]], [BUCKET, '$(check) Copy here']);
    assert.deepEqual(prompts.shown.at(-1), {
      level: 'warning',
      message: '0 copied, 1 failed: "self.txt" cannot be copied onto itself.',
      items: ['Show Log'],
    });
  });

  it('an upload onto a read-only account says its token is read-only before sending anything', async () => {
    // The server's refusal of a key not known to be read-only is summarised with its cause: the
    // unit tests of r2.upload and r2.delete cover it (a read-only client under a plain account).
    const account = await addServerAccount('Read only', server.readOnly);
    const root = await localTree({ 'refused.txt': 'r' });
    await requests.reset();
    const prompts = await runWithPrompts('r2.upload', [
      await child(account, BUCKET),
      [vscode.Uri.file(join(root, 'refused.txt'))],
    ]);
    assert.deepEqual(prompts.shown, [
      {
        level: 'info',
        message:
          'The token of "Read only" is read-only: it cannot change objects. Edit Account… to use a token that may write.',
        items: [],
      },
    ]);
    assert.equal((await requests.byOperation()).PutObject, undefined);
  });
});
