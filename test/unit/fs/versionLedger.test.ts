import { strict as assert } from 'node:assert';
import { VersionLedger } from '../../../src/fs/versionLedger';

// VS Code's dirty-write check: a save is refused as "newer on disk" when the stat taken before it
// has a later mtime than the model's and a different size (FileService.validateWriteFile).
function vscodeSeesConflict(model: { mtime: number; size: number }, now: { mtime: number; size: number }): boolean {
  return model.mtime < now.mtime && model.size !== now.size;
}

describe('VersionLedger', () => {
  const at = Date.parse('2026-03-01T10:00:00Z');

  it('reports the real mtime and size of the first version, and the same numbers while it stays', () => {
    const ledger = new VersionLedger();
    const first = ledger.observe('r2://a/b/k', { etag: 'e1', size: 10, lastModified: at });
    assert.deepEqual(first, { mtime: at, size: 10 });
    assert.deepEqual(ledger.observe('r2://a/b/k', { etag: 'e1', size: 10, lastModified: at }), first);
  });

  it('makes a rewrite in the same second with as many bytes visible to VS Code', () => {
    const ledger = new VersionLedger();
    const loaded = ledger.observe('k', { etag: 'e1', size: 10, lastModified: at });
    const changed = ledger.observe('k', { etag: 'e2', size: 10, lastModified: at });
    assert.ok(changed.mtime > loaded.mtime);
    assert.notEqual(changed.size, loaded.size);
    assert.ok(vscodeSeesConflict(loaded, changed));
  });

  it('keeps every generation distinguishable from every earlier one, also when sizes come back', () => {
    const ledger = new VersionLedger();
    const sizes = [10, 11, 10, 12, 11, 10];
    const reported = sizes.map((size, i) =>
      ledger.observe('k', { etag: `e${i}`, size, lastModified: at + (i % 2) * 1000 }),
    );
    for (let later = 1; later < reported.length; later++) {
      for (let earlier = 0; earlier < later; earlier++) {
        assert.ok(vscodeSeesConflict(reported[earlier], reported[later]), `generation ${later} against ${earlier}`);
      }
    }
  });

  it('treats an ETag that comes back after another version as a new generation', () => {
    const ledger = new VersionLedger();
    const a = ledger.observe('k', { etag: 'A', size: 5, lastModified: at });
    const b = ledger.observe('k', { etag: 'B', size: 6, lastModified: at + 1000 });
    const again = ledger.observe('k', { etag: 'A', size: 5, lastModified: at + 2000 });
    assert.ok(vscodeSeesConflict(b, again));
    assert.notDeepEqual(again, a);
  });

  it('keeps keys apart, and forgets the least recently observed beyond its capacity', () => {
    const ledger = new VersionLedger(2);
    ledger.observe('x', { etag: 'x1', size: 1, lastModified: at });
    ledger.observe('y', { etag: 'y1', size: 1, lastModified: at });
    ledger.observe('x', { etag: 'x1', size: 1, lastModified: at });
    ledger.observe('z', { etag: 'z1', size: 1, lastModified: at });
    // x was kept: its next version is still told apart.
    assert.deepEqual(ledger.observe('x', { etag: 'x2', size: 1, lastModified: at }), { mtime: at + 1, size: 2 });
    // y was forgotten: a new version of it is its first generation again, reported as it is.
    assert.deepEqual(ledger.observe('y', { etag: 'y2', size: 1, lastModified: at }), { mtime: at, size: 1 });
  });
});
