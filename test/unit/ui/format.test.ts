import { strict as assert } from 'node:assert';
import { formatBytes, formatRelativeTime } from '../../../src/ui/format';

describe('formatBytes', () => {
  it('uses 1024-based units with at most one decimal', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1 KB');
    assert.equal(formatBytes(12.34 * 1024), '12.3 KB');
    assert.equal(formatBytes(150 * 1024 * 1024), '150 MB');
    assert.equal(formatBytes(5 * 1024 ** 4), '5 TB');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const ago = (seconds: number) => formatRelativeTime(new Date(now.getTime() - seconds * 1000), now);

  it('says how long ago in the largest whole unit', () => {
    assert.equal(ago(10), 'just now');
    assert.equal(ago(5 * 60), '5 minutes ago');
    assert.equal(ago(3 * 3600), '3 hours ago');
    assert.equal(ago(24 * 3600), 'yesterday');
    assert.equal(ago(3 * 86400), '3 days ago');
    assert.equal(ago(90 * 86400), '3 months ago');
    assert.equal(ago(800 * 86400), '2 years ago');
  });
});
