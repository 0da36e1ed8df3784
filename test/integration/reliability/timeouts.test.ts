// A server that accepts the connection and never answers: every command that talks to R2 says so,
// naming r2.requestTimeoutSeconds, and offers Retry; the file systems report it as unavailable.
// Only the user's Cancel is silent.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { toConfigUri } from '../../../src/fs/bucketConfigProvider';
import { toR2Uri } from '../../../src/fs/r2Uri';
import { headObject, putObject } from '../../../src/r2';
import type { AccountNode } from '../../../src/tree/accountNode';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { adminClient, child, server, useBuckets } from '../support/extension';
import { HangingProxy } from '../support/hangingProxy';
import type { PromptLog } from '../support/prompts';
import { runWithPrompts, scriptPrompts } from '../support/prompts';

const BUCKET = 'timeouts-bucket';
/** Delete Bucket is tried on this one; its request never reaches the server. */
const DOOMED = 'timeouts-doomed';
const TIMEOUT_MESSAGE = 'R2: The server did not respond within 1 second.';
const signal = () => AbortSignal.timeout(60_000);

function assertTimeoutShown(prompts: PromptLog): void {
  const errors = prompts.shown.filter((shown) => shown.level === 'error');
  assert.deepEqual(
    errors,
    [{ level: 'error', message: TIMEOUT_MESSAGE, items: ['Retry', 'Show Log'] }],
    JSON.stringify(prompts.shown),
  );
}

async function addProxyAccount(name: string, endpoint: string): Promise<ExplorerNode> {
  const prompts = scriptPrompts([endpoint, server.admin.accessKeyId, server.admin.secretAccessKey, name]);
  try {
    await vscode.commands.executeCommand('r2.addAccount');
  } finally {
    prompts.restore();
  }
  return child(undefined, name);
}

describe('A server that never answers', function () {
  this.timeout(60_000);
  useBuckets(BUCKET, DOOMED);
  const client = adminClient();
  const proxy = new HangingProxy(server.endpoint);
  let accountNode: ExplorerNode;
  let bucketNode: ExplorerNode;
  let objectNode: ExplorerNode;

  before(async () => {
    await putObject(client, { bucket: BUCKET, key: 'file.txt', body: 'hello' }, signal());
    await vscode.workspace.getConfiguration('r2').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    accountNode = await addProxyAccount('Hanging R2', await proxy.start());
    bucketNode = await child(accountNode, BUCKET);
    objectNode = await child(bucketNode, 'file.txt');
  });

  afterEach(() => {
    proxy.hang = undefined;
  });

  after(async () => {
    await proxy.close();
    await vscode.workspace
      .getConfiguration('r2')
      .update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  const accountId = () => (accountNode as AccountNode).account.id;

  const commands: Array<{ title: string; hang: RegExp; run: () => Promise<PromptLog> }> = [
    { title: 'New Folder', hang: /^PUT /, run: () => runWithPrompts('r2.newFolder', [bucketNode], ['never-made']) },
    { title: 'Properties', hang: /^HEAD /, run: () => runWithPrompts('r2.properties', [objectNode]) },
    {
      title: 'Create Bucket',
      hang: /^PUT /,
      run: () => runWithPrompts('r2.createBucket', [accountNode], ['timeouts-never-created', 'Automatic']),
    },
    {
      title: 'Delete Bucket',
      hang: /^DELETE /,
      run: async () => runWithPrompts('r2.deleteBucket', [await child(accountNode, DOOMED)], [], ['Delete', undefined]),
    },
    {
      title: 'Open Object from an r2: URI (its HEAD)',
      hang: /^HEAD /,
      run: () =>
        runWithPrompts('r2.openObject', [toR2Uri({ accountId: accountId(), bucket: BUCKET, key: 'file.txt' })]),
    },
    {
      title: 'Set Public URL from the palette (the bucket picker)',
      hang: /^GET \/(\?\S*)? HTTP/,
      run: () => runWithPrompts('r2.setPublicBaseUrl', [], [BUCKET]),
    },
    {
      title: 'Open Object from the palette (the object picker)',
      hang: /list-type=2/,
      run: () => runWithPrompts('r2.openObject', [], [BUCKET, 'file.txt']),
    },
  ];

  for (const { title, hang, run } of commands) {
    it(`${title}: says the server did not respond in time, with Retry`, async () => {
      proxy.hang = hang;
      assertTimeoutShown(await run());
    });
  }

  it('New Folder: Retry once the server answers again makes the folder', async () => {
    proxy.hang = /^PUT /;
    const serverBack = async () => {
      proxy.hang = undefined;
      return 'Retry';
    };
    const prompts = await runWithPrompts('r2.newFolder', [bucketNode], ['retried', 'retried'], [serverBack]);
    assertTimeoutShown(prompts);
    assert.equal((await headObject(client, { bucket: BUCKET, key: 'retried/' }, signal())).size, 0);
  });

  it('the r2: and r2-config: file systems report it as unavailable, naming the timeout, never as cancelled', async () => {
    proxy.hang = /./;
    const unavailable = (error: unknown) => {
      assert.ok(error instanceof vscode.FileSystemError, String(error));
      assert.equal(error.code, 'Unavailable', error.message);
      assert.match(error.message, /The server did not respond within 1 second\./);
      return true;
    };
    await assert.rejects(
      Promise.resolve(
        vscode.workspace.fs.stat(toR2Uri({ accountId: accountId(), bucket: BUCKET, key: 'not-seen-yet.txt' })),
      ),
      unavailable,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.workspace.fs.readDirectory(toR2Uri({ accountId: accountId(), bucket: BUCKET, key: 'folder' })),
      ),
      unavailable,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.workspace.fs.readFile(toConfigUri({ accountId: accountId(), bucket: BUCKET, kind: 'cors' })),
      ),
      unavailable,
    );
  });
});
