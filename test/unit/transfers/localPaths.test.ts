import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import { localPathFor } from '../../../src/transfers/localPaths';

describe('localPathFor', () => {
  const root = resolve('/tmp/downloads');

  it('maps a key below the folder to a file inside it', () => {
    assert.deepEqual(localPathFor(root, 'photos/2024/a b.jpg'), { ok: true, path: join(root, 'photos', '2024', 'a b.jpg') });
    assert.deepEqual(localPathFor(root, 'ünïcødé 名前.txt'), { ok: true, path: join(root, 'ünïcødé 名前.txt') });
  });

  it('refuses keys that would escape or are not file names', () => {
    for (const key of ['../evil', 'a/../../evil', '/etc/passwd', 'a//b', 'folder/', '.', 'x/./y', 'nul\u0000byte', 'back\\slash', 'COM1', 'trailing.', 'q?.txt', '']) {
      const result = localPathFor(root, key);
      assert.equal(result.ok, false, key);
    }
  });
});
