import { strict as assert } from 'node:assert';
import { describeDuration, EXPIRY_PRESETS, parseExpiry } from '../../../src/links/presignExpiry';

describe('presigned URL expiry', () => {
  it('offers 15 minutes, 1 hour, 1 day and 7 days', () => {
    assert.deepEqual(EXPIRY_PRESETS.map((preset) => [preset.label, preset.seconds]), [
      ['15 minutes', 900],
      ['1 hour', 3600],
      ['1 day', 86400],
      ['7 days', 604800],
    ]);
  });

  it('reads seconds, or a number with a unit', () => {
    assert.deepEqual(parseExpiry('1'), { seconds: 1 });
    assert.deepEqual(parseExpiry(' 90 '), { seconds: 90 });
    assert.deepEqual(parseExpiry('30m'), { seconds: 1800 });
    assert.deepEqual(parseExpiry('2 H'), { seconds: 7200 });
    assert.deepEqual(parseExpiry('7d'), { seconds: 604800 });
  });

  it('refuses more than 7 days, nothing, and what it cannot read', () => {
    assert.match((parseExpiry('604801') as { problem: string }).problem, /at most 7 days \(604,800 seconds\)/);
    assert.match((parseExpiry('8d') as { problem: string }).problem, /at most 7 days/);
    assert.match((parseExpiry('0') as { problem: string }).problem, /at least 1 second/);
    assert.ok('problem' in parseExpiry('1.5h'));
    assert.ok('problem' in parseExpiry('soon'));
  });

  it('describes a lifetime in its two largest adjacent units', () => {
    assert.equal(describeDuration(900), '15 minutes');
    assert.equal(describeDuration(3600), '1 hour');
    assert.equal(describeDuration(90), '1 minute 30 seconds');
    assert.equal(describeDuration(2 * 86400 + 3 * 3600 + 5), '2 days 3 hours');
    assert.equal(describeDuration(86400 + 60), '1 day');
    assert.equal(describeDuration(1), '1 second');
  });
});
