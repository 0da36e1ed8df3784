import { strict as assert } from 'node:assert';
import {
  formatAge,
  formatBytes,
  formatDate,
  formatDuration,
  formatRate,
  formatRelativeTime,
} from '../../../src/ui/format';

describe('formatBytes', () => {
  it('uses 1024-based units, labelled as such (IEC), with at most three digits and one decimal', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1023), '1 KiB');
    assert.equal(formatBytes(1024), '1 KiB');
    assert.equal(formatBytes(12.34 * 1024), '12.3 KiB');
    assert.equal(formatBytes(999.4 * 1024), '999 KiB');
    assert.equal(formatBytes(1023 * 1024), '1 MiB');
    assert.equal(formatBytes(150 * 1024 * 1024), '150 MiB');
    assert.equal(formatBytes(5 * 1024 ** 4), '5 TiB');
  });
});

describe('formatRate and formatDuration', () => {
  it('a speed in the same units per second, and time left as rough as an estimate is', () => {
    assert.equal(formatRate(45 * 1024 ** 2), '45 MiB/s');
    assert.equal(formatDuration(0.2), '1 s');
    assert.equal(formatDuration(19.2), '20 s');
    assert.equal(formatDuration(185), '3 min');
    assert.equal(formatDuration(3900), '1 h 5 min');
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

describe('formatAge', () => {
  const now = new Date(2026, 10, 25, 12, 0, 0);
  const ago = (seconds: number) => formatAge(new Date(now.getTime() - seconds * 1000), now);

  it('says how old in the fewest characters: minutes, hours, days, then the date', () => {
    assert.equal(ago(10), 'now');
    assert.equal(ago(-10), 'now');
    assert.equal(ago(6 * 60 + 59), '6m');
    assert.equal(ago(59 * 60), '59m');
    assert.equal(ago(5 * 3600), '5h');
    assert.equal(ago(3 * 86400 + 3600), '3d');
    assert.equal(ago(29 * 86400), '29d');
    assert.equal(formatAge(new Date(2025, 10, 2, 23, 59), now), '2025-11-02');
    // Ahead of this machine's clock: the date, not a negative age.
    assert.equal(ago(-2 * 3600), formatDate(new Date(now.getTime() + 2 * 3600 * 1000)));
  });

  it("keeps an object's description within 20 characters", () => {
    for (const seconds of [0, 600, 7200, 86400 * 7, 86400 * 400]) {
      for (const size of [999, 1023, 999.4 * 1024, 1023 * 1024, 999.4 * 1024 ** 3]) {
        const description = `${formatBytes(size)} · ${ago(seconds)}`;
        assert.ok(description.length <= 20, description);
      }
    }
  });
});
