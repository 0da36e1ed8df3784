// The r2: provider's freshness caches, on a clock the test moves by hand: no sleeps.
import assert from 'node:assert/strict';
import { FreshnessCache } from '../../../src/fs/freshnessCache';

/** A cache on a clock that stands still until `advance` moves it. */
function onClock(options: { freshMs: number; capacity?: number }) {
  let now = 1_000;
  const cache = new FreshnessCache<string>({ ...options, now: () => now });
  return {
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('FreshnessCache', () => {
  it('answers `fresh` only while an entry is younger than freshMs, and `get` at any age', () => {
    const { cache, advance } = onClock({ freshMs: 5_000 });
    cache.set('a', 'A');
    assert.equal(cache.fresh('a'), 'A');
    advance(4_999);
    assert.equal(cache.fresh('a'), 'A');
    advance(1);
    assert.equal(cache.fresh('a'), undefined, 'at exactly freshMs it no longer stands in for a request');
    assert.equal(cache.get('a'), 'A');
    assert.equal(cache.has('a'), true);
    assert.equal(cache.fresh('missing'), undefined);
    assert.equal(cache.get('missing'), undefined);
  });

  it('setting again renews the time and replaces the value', () => {
    const { cache, advance } = onClock({ freshMs: 5_000 });
    cache.set('a', 'old');
    advance(4_000);
    cache.set('a', 'new');
    advance(4_000);
    assert.equal(cache.fresh('a'), 'new');
  });

  it('drops only the stale entries, also after renewals changed their order', () => {
    const { cache, advance } = onClock({ freshMs: 5_000 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    advance(3_000);
    cache.set('c', 'C');
    cache.set('a', 'A2');
    advance(2_000);
    cache.dropStale();
    assert.equal(cache.has('b'), false);
    assert.deepEqual(
      ['a', 'c'].map((id) => cache.get(id)),
      ['A2', 'C'],
    );
    assert.equal(cache.size, 2);
    advance(3_000);
    cache.dropStale();
    assert.equal(cache.size, 0);
  });

  it('keeps at most `capacity` entries, forgetting the least recently set', () => {
    const { cache } = onClock({ freshMs: 5_000, capacity: 3 });
    for (const id of ['a', 'b', 'c']) {
      cache.set(id, id.toUpperCase());
    }
    cache.set('a', 'A2');
    cache.set('d', 'D');
    assert.equal(cache.size, 3);
    assert.equal(cache.has('b'), false);
    assert.deepEqual(
      ['a', 'c', 'd'].map((id) => cache.get(id)),
      ['A2', 'C', 'D'],
    );
  });

  it('without a capacity keeps every entry until it is dropped, deleted or cleared', () => {
    const { cache, advance } = onClock({ freshMs: 5_000 });
    for (let i = 0; i < 20_000; i++) {
      cache.set(String(i), 'x');
    }
    assert.equal(cache.size, 20_000);
    cache.delete('7');
    assert.equal(cache.has('7'), false);
    advance(10_000);
    assert.equal(cache.get('8'), 'x', 'stale entries still answer get');
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('by default runs on a monotonic clock: a fresh entry is fresh without any clock given', () => {
    const cache = new FreshnessCache<number>({ freshMs: 60_000 });
    cache.set('a', 1);
    assert.equal(cache.fresh('a'), 1);
    const zero = new FreshnessCache<number>({ freshMs: 0 });
    zero.set('a', 1);
    assert.equal(zero.fresh('a'), undefined);
  });
});
