// The key-path rules: pure functions, no server. Keys are opaque strings, so the odd ones (empty
// segments, a leading slash, dots) must split and join the same way everywhere.
import assert from 'node:assert/strict';
import { baseName, childPrefix, folderPrefix, isFolderKey, parentPrefix, rebaseKey } from '../../../src/r2';

/** Each row: an input and what `rule` makes of it. */
function checkRows<T>(rule: (key: string) => T, rows: Array<[string, T]>): void {
  for (const [key, expected] of rows) {
    assert.equal(rule(key), expected, JSON.stringify(key));
  }
}

describe('r2 keys', () => {
  it('tells folders (prefixes ending with a slash, and the root) from objects', () => {
    checkRows(isFolderKey, [
      ['', true],
      ['a/', true],
      ['a/b/', true],
      ['a//', true],
      ['a', false],
      ['a/b', false],
      ['/leading', false],
      ['dots/..', false],
    ]);
  });

  it('makes a folder prefix of a key, leaving prefixes and the root alone', () => {
    checkRows(folderPrefix, [
      ['', ''],
      ['a', 'a/'],
      ['a/', 'a/'],
      ['a/b', 'a/b/'],
      ['/leading', '/leading/'],
    ]);
  });

  it('finds the folder holding an object or a folder', () => {
    checkRows(parentPrefix, [
      ['', ''],
      ['c.txt', ''],
      ['a/', ''],
      ['a/b/c.txt', 'a/b/'],
      ['a/b/', 'a/'],
      ['double//slash', 'double//'],
      ['a//', 'a/'],
      ['/leading', '/'],
      ['/', ''],
      ['dots/../up', 'dots/../'],
      ['ünïcødé/日本語.txt', 'ünïcødé/'],
    ]);
  });

  it("names the last segment, without a folder's slash", () => {
    checkRows(baseName, [
      ['', ''],
      ['c.txt', 'c.txt'],
      ['a/b/c.txt', 'c.txt'],
      ['a/b/', 'b'],
      ['with space/and+plus', 'and+plus'],
      ['double//slash', 'slash'],
      // An empty last segment has no name: callers show the key instead.
      ['a//', ''],
      ['/leading', 'leading'],
      ['ünïcødé/日本語.txt', '日本語.txt'],
    ]);
  });

  it('parent and name put back together give the key again', () => {
    for (const key of ['c.txt', 'a/b/c.txt', 'double//slash', '/leading', 'dots/../up', 'emoji 🎉.txt']) {
      assert.equal(parentPrefix(key) + baseName(key), key, key);
    }
    for (const prefix of ['a/', 'a/b/', '/x/']) {
      assert.equal(childPrefix(parentPrefix(prefix), baseName(prefix)), prefix, prefix);
    }
  });

  it('joins a folder name to its parent prefix', () => {
    assert.equal(childPrefix('', 'photos'), 'photos/');
    assert.equal(childPrefix('a/b/', 'c d'), 'a/b/c d/');
  });

  it('moves a key from one prefix to another, keeping its place below it, and refuses a key outside', () => {
    assert.equal(rebaseKey('old/x/y.txt', 'old/', 'new/'), 'new/x/y.txt');
    assert.equal(rebaseKey('old/', 'old/', 'new/deeper/'), 'new/deeper/');
    assert.equal(rebaseKey('a.txt', '', 'into/'), 'into/a.txt');
    assert.equal(rebaseKey('in/a.txt', 'in/', ''), 'a.txt');
    assert.throws(() => rebaseKey('other/a.txt', 'old/', 'new/'), RangeError);
  });
});
