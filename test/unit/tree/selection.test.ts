import { strict as assert } from 'node:assert';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { selectedNodes, targetNode } from '../../../src/tree/selection';

const node = (id: string) => ({ id }) as unknown as ExplorerNode;

describe('the nodes a tree command acts on', () => {
  const [a, b, c] = [node('a'), node('b'), node('c')];

  it('takes the clicked node, else (from a keybinding) the one selected node', () => {
    assert.equal(targetNode(a, [b]), a);
    assert.equal(targetNode(undefined, [b]), b);
    assert.equal(targetNode(undefined, []), undefined);
    assert.equal(targetNode(undefined, [b, c]), undefined, 'two selected rows are not one target');
  });

  it("takes the selection with the clicked node in it, else the clicked node, else the view's selection", () => {
    assert.deepEqual(selectedNodes(a, [a, b], [c]), [a, b]);
    assert.deepEqual(selectedNodes(a, [b, c], [c]), [a]);
    assert.deepEqual(selectedNodes(undefined, undefined, [b, c]), [b, c]);
  });
});
