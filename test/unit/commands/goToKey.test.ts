// r2.goToKey's decision paths, in plain Node: the prompts scripted (FakeUi), the view faked.
import assert from 'node:assert/strict';
import { goToKey } from '../../../src/commands/goToKey';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { UserCancelled } from '../../../src/ui/userInterface';
import { FakeUi } from '../../support/fakeUi';
import { useBucket } from '../r2/helpers';
import { folderNode, serverAccount, testServices } from './helpers';

describe('r2.goToKey', () => {
  const bucket = useBucket('cmd-go-to-key');

  /** Services whose view finds only `docs/readme.md`, and records what it reveals. */
  function services(ui: FakeUi) {
    const found = { kind: 'object', id: 'docs/readme.md' } as unknown as ExplorerNode;
    const revealed: ExplorerNode[] = [];
    const base = testServices(ui, bucket.client);
    return {
      revealed,
      services: {
        ...base,
        explorer: {
          ...base.explorer,
          findKey: async (_account: string, _bucket: string, key: string) =>
            key === 'docs/readme.md' ? found : undefined,
        },
        view: { ...base.view, reveal: async (node: ExplorerNode) => void revealed.push(node) },
      } as unknown as typeof base,
    };
  }

  it('keeps the box open with the reason for a missing key, then reveals the key typed next', async () => {
    const ui = new FakeUi([
      { input: 'Go to Key', answer: 'docs/missing.md' },
      { input: 'Go to Key', answer: 'docs/readme.md' },
    ]);
    const { services: withView, revealed } = services(ui);
    await goToKey(withView, folderNode(serverAccount(), bucket.name, 'docs/'));
    ui.assertDone();
    assert.deepEqual(ui.refused, [`There is no object or folder "docs/missing.md" in bucket "${bucket.name}".`]);
    assert.deepEqual(ui.shown, [], 'no notification');
    assert.deepEqual(
      revealed.map((node) => node.id),
      ['docs/readme.md'],
    );
    assert.equal(ui.inputs[0].value, 'docs/');
  });

  it('reveals nothing when the box is dismissed', async () => {
    const ui = new FakeUi([{ input: 'Go to Key', answer: undefined }]);
    const { services: withView, revealed } = services(ui);
    await assert.rejects(goToKey(withView, folderNode(serverAccount(), bucket.name)), UserCancelled);
    ui.assertDone();
    assert.deepEqual(revealed, []);
  });
});
