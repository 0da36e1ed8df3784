import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { addServerAccount, child, server, useBuckets } from '../support/extension';
import { localTree } from '../support/files';
import { scriptPrompts } from '../support/prompts';
import { countConnections } from '../../support/connections';

const BUCKET = 'connections-bucket';
const FILES = 12;
const IN_FLIGHT = 2;

describe('Connections', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);
  const r2 = () => vscode.workspace.getConfiguration('r2');

  before(async () => {
    await addServerAccount('Local R2');
    await r2().update('uploadConcurrency', IN_FLIGHT, vscode.ConfigurationTarget.Global);
  });

  after(() => r2().update('uploadConcurrency', undefined, vscode.ConfigurationTarget.Global));

  // VS Code's proxy support (http.proxySupport, "override" by default) wraps every request in an agent
  // of its own that does not keep connections alive: unless the request asks for keep-alive itself,
  // each one is sent with "Connection: close", and the next pays a new TCP (and TLS) handshake.
  it('a folder upload reuses its connections instead of opening one per file', async () => {
    const root = await localTree(
      Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`many/file-${i}.txt`, `file ${i}\n`])),
    );
    const bucket = await child(await child(undefined, 'Local R2'), BUCKET);
    // The suite shares the extension's process: every socket its client opens is counted.
    const connections = countConnections(Number(new URL(server.endpoint).port));
    const prompts = scriptPrompts([]);
    try {
      await vscode.commands.executeCommand('r2.upload', bucket, [vscode.Uri.file(join(root, 'many'))]);
    } finally {
      prompts.restore();
      connections.restore();
    }
    assert.match(prompts.shown.at(-1)?.message ?? '', new RegExp(`^Uploaded ${FILES} files to ${BUCKET}/$`));
    // At most one per file in flight (a connection closed by the server meanwhile may add one).
    assert.ok(
      connections.opened() <= IN_FLIGHT + 1,
      `${connections.opened()} connections opened for ${FILES} files, ${IN_FLIGHT} at a time`,
    );
  });
});
