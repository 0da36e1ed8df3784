// Keys and drops reach write commands that menus hide on read-only accounts: each says so before
// asking anything, and sends nothing. (Paste, which needs VS Code to read file URIs, is tested in
// the integration suite.)
import assert from 'node:assert/strict';
import { cut } from '../../../src/commands/copyKey';
import { deleteCommand } from '../../../src/commands/delete';
import { rename } from '../../../src/commands/rename';
import { upload } from '../../../src/commands/upload';
import { FakeUi, fileUri } from '../../support/fakeUi';
import { assertRequests, countRequests, putMany, useBucket } from '../r2/helpers';
import { folderNode, objectNode, serverAccount, testServices } from './helpers';

describe('write commands on a read-only account', () => {
  const bucket = useBucket('cmd-readonly');
  const refused =
    'The token of "Viewer" is read-only: it cannot change objects. Edit Account… to use a token that may write.';

  it('Delete, F2, Ctrl+X and a drop say so, ask nothing and send nothing', async () => {
    const readOnly = serverAccount({ name: 'Viewer', readOnly: true });
    await putMany(bucket.client, bucket.name, ['docs/a.txt']);
    const object = objectNode(readOnly, bucket.name, {
      key: 'docs/a.txt',
      size: 10,
      etag: 'e',
      lastModified: new Date(),
    });
    const folder = folderNode(readOnly, bucket.name, 'docs/');
    countRequests(bucket.requests);
    const runs: Array<(services: ReturnType<typeof testServices>) => Promise<void>> = [
      (services) => deleteCommand(services, undefined, undefined),
      (services) => rename(services),
      (services) => cut(services),
      (services) => upload(services, folder, [fileUri('/tmp/x.txt')]),
    ];
    for (const run of runs) {
      const ui = new FakeUi();
      await run(testServices(ui, bucket.client, { accounts: [readOnly], selection: [object] }));
      ui.assertDone();
      assert.deepEqual(ui.messages(), [refused]);
      assert.deepEqual(ui.clipboard, [], 'nothing was cut');
    }
    assertRequests(bucket.requests, {});
  });
});
