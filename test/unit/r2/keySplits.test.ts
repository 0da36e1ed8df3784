import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { compareKeys } from '../../../src/r2';
import { splitPointsAfter } from '../../../src/r2/keySplits';

const numbered = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `n/object-${String(from + i).padStart(7, '0')}.txt`);

function assertAfterInOrder(points: readonly string[], last: string): void {
  points.forEach((point, i) => assert.ok(compareKeys(point, i === 0 ? last : points[i - 1]) > 0, point));
}

describe('r2 key split points', () => {
  it('steps through counter names exactly, carrying into the shared digits', () => {
    assert.deepEqual(splitPointsAfter(numbered(0, 1000), 'n/', 3, 900), [
      'n/object-0001899.txt',
      'n/object-0002799.txt',
      'n/object-0003699.txt',
    ]);
    assert.deepEqual(splitPointsAfter(numbered(98_000, 1000), 'n/', 2, 1000), [
      'n/object-0099999.txt',
      'n/object-0100999.txt',
    ]);
  });

  it('places random hex names about as many keys apart as asked', () => {
    const all = Array.from(
      { length: 50_000 },
      (_, i) => `h/${createHash('sha256').update(String(i)).digest('hex')}`,
    ).sort();
    const points = splitPointsAfter(all.slice(20_000, 21_000), 'h/', 5, 900);
    assert.equal(points.length, 5);
    assertAfterInOrder(points, all[20_999]);
    const upTo = (point: string) => all.filter((key) => compareKeys(key, point) <= 0).length;
    points.forEach((point, i) => {
      const apart = upTo(point) - (i === 0 ? 21_000 : upTo(points[i - 1]));
      // A page of random names places the next ones within a few percent; a range is a sample too.
      assert.ok(Math.abs(apart - 900) < 150, `${point}: ${apart} keys after the one before`);
    });
  });

  it('widens a digit seen first to hex when the positions after it are hex', () => {
    // A first page of hex names: the leading position showed only 0–2.
    const page = Array.from({ length: 1000 }, (_, i) => `h/${(i * 11).toString(16).padStart(4, '0')}`);
    const points = splitPointsAfter(page, 'h/', 40, 1000);
    assert.ok(
      points.some((point) => point.startsWith('h/a')),
      points.join(' '),
    );
  });

  it('follows keys of mixed lengths in byte order', () => {
    const all = Array.from({ length: 20_000 }, (_, i) => `m/k${i}`).sort(compareKeys);
    const points = splitPointsAfter(all.slice(0, 1000), 'm/', 5, 900);
    assertAfterInOrder(points, all[999]);
    assert.ok(points.length > 0);
  });

  it('gives points in UTF-8 byte order for keys beyond the Basic Multilingual Plane', () => {
    const page = Array.from(
      { length: 1000 },
      (_, i) => `u/${['\u{e000}', '\u{ff5e}', '🎉'][Math.floor(i / 334)]}${i}`,
    ).sort(compareKeys);
    assertAfterInOrder(splitPointsAfter(page, 'u/', 5, 900), page[999]);
  });

  it('says nothing from fewer than two keys', () => {
    assert.deepEqual(splitPointsAfter(['a/x'], 'a/', 5, 900), []);
    assert.deepEqual(splitPointsAfter([], 'a/', 5, 900), []);
  });
});
