import { strict as assert } from 'node:assert';
import { describeDuration, EXPIRY_PRESETS, parseExpiry } from '../../../src/links/presignExpiry';

describe('presigned URL expiry', () => {
  it('offers 15 minutes, 1 hour, 1 day and 7 days', () => {
    assert.deepEqual(
      EXPIRY_PRESETS.map((preset) => [preset.label, preset.seconds]),
      [
        ['15 minutes', 900],
        ['1 hour', 3600],
        ['1 day', 86400],
        ['7 days', 604800],
      ],
    );
  });

  const read: ReadonlyArray<[string, number]> = [
    ['1', 1],
    [' 90 ', 90],
    ['30m', 1800],
    ['2 H', 7200],
    ['7d', 604800],
    ['2 days', 172800],
    ['1 day', 86400],
    ['90 min', 5400],
    ['90 minutes', 5400],
    ['1.5h', 5400],
    ['1,5 h', 5400],
    ['.5 hours', 1800],
    ['45 sec', 45],
    ['3 hrs', 10800],
    ['1 week', 604800],
    ['1w', 604800],
    ['0.5s', 1],
  ];
  for (const [typed, seconds] of read) {
    it(`reads "${typed}" as ${seconds} seconds`, () => {
      assert.deepEqual(parseExpiry(typed), { seconds });
    });
  }

  const refused: ReadonlyArray<[string, RegExp]> = [
    ['604801', /at most 7 days \(604,800 seconds\)/],
    ['8d', /at most 7 days/],
    ['1.01 weeks', /at most 7 days/],
    ['0', /at least 1 second/],
    ['0.4s', /at least 1 second/],
    ['', /a number with a unit/],
    ['soon', /a number with a unit/],
    ['2 fortnights', /a number with a unit/],
    ['-5m', /a number with a unit/],
    ['1.2.3h', /a number with a unit/],
  ];
  for (const [typed, problem] of refused) {
    it(`refuses "${typed}"`, () => {
      const parsed = parseExpiry(typed);
      assert.ok('problem' in parsed, JSON.stringify(parsed));
      assert.match(parsed.problem, problem);
    });
  }

  it('describes a lifetime in its two largest adjacent units', () => {
    assert.equal(describeDuration(900), '15 minutes');
    assert.equal(describeDuration(3600), '1 hour');
    assert.equal(describeDuration(90), '1 minute 30 seconds');
    assert.equal(describeDuration(2 * 86400 + 3 * 3600 + 5), '2 days 3 hours');
    assert.equal(describeDuration(86400 + 60), '1 day');
    assert.equal(describeDuration(1), '1 second');
  });
});
