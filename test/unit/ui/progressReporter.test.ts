import assert from 'node:assert/strict';
import { NotificationReporter, TransferRate, transferText } from '../../../src/ui/progressReporter';

describe('NotificationReporter', () => {
  it('shows the first and the last update, throttles those between, and moves the bar by bytes', () => {
    const shown: Array<{ message?: string; increment?: number }> = [];
    const reporter = new NotificationReporter({ report: (value) => shown.push(value) });
    reporter.report({ itemsDone: 0, itemsTotal: 2, bytesDone: 0, bytesTotal: 2048 });
    reporter.report({ itemsDone: 0, itemsTotal: 2, bytesDone: 1024, bytesTotal: 2048 });
    reporter.report({ itemsDone: 2, itemsTotal: 2, bytesDone: 2048, bytesTotal: 2048 });
    assert.deepEqual(shown, [
      { message: '0 of 2 files · 0 B of 2 KiB', increment: 0 },
      { message: '2 of 2 files · 2 KiB of 2 KiB', increment: 100 },
    ]);
  });

  it('without bytes the bar moves by items; one file is not counted in words', () => {
    const shown: Array<{ message?: string; increment?: number }> = [];
    const reporter = new NotificationReporter({ report: (value) => shown.push(value) }, () => undefined);
    reporter.report({ itemsDone: 0, itemsTotal: 4 });
    reporter.report({ itemsDone: 4, itemsTotal: 4 });
    assert.deepEqual(shown, [
      { message: undefined, increment: 0 },
      { message: undefined, increment: 100 },
    ]);
    assert.equal(transferText({ itemsDone: 0, itemsTotal: 1, bytesDone: 10, bytesTotal: 20 }), '10 B of 20 B');
  });

  const MiB = 1024 * 1024;

  /** A reporter on a clock the test moves: `at(ms, bytes)` reports that many bytes at that time. */
  function clocked(bytesTotal: number, current = 'big.bin') {
    const shown: Array<string | undefined> = [];
    let time = 0;
    const reporter = new NotificationReporter({ report: (value) => shown.push(value.message) }, undefined, () => time);
    const at = (ms: number, bytesDone: number) => {
      time = ms;
      reporter.report({ itemsDone: 0, itemsTotal: 1, bytesDone, bytesTotal, current });
    };
    return { shown, at };
  }

  it('names the file, and for a large transfer the speed over the last seconds and the time left', () => {
    const { shown, at } = clocked(100 * MiB);
    at(0, 0);
    at(500, 5 * MiB);
    at(1000, 10 * MiB);
    at(2000, 20 * MiB);
    assert.deepEqual(shown, [
      'big.bin — 0 B of 100 MiB',
      // Half a second is too little to tell a speed.
      'big.bin — 5 MiB of 100 MiB',
      'big.bin — 10 MiB of 100 MiB, 10 MiB/s, 9 s left',
      'big.bin — 20 MiB of 100 MiB, 10 MiB/s, 8 s left',
    ]);
    // The network slows down: the speed follows within the window, not the average since the start.
    at(7000, 25 * MiB);
    at(8000, 26 * MiB);
    at(9000, 27 * MiB);
    assert.equal(shown.at(-1), 'big.bin — 27 MiB of 100 MiB, 1 MiB/s, 1 min left');
  });

  it('a small, quick transfer shows no speed; once it has taken two seconds it does', () => {
    const { shown, at } = clocked(MiB, 'small.txt');
    at(0, 0);
    at(1500, MiB / 4);
    at(2500, MiB / 2);
    assert.deepEqual(shown, [
      'small.txt — 0 B of 1 MiB',
      'small.txt — 256 KiB of 1 MiB',
      'small.txt — 512 KiB of 1 MiB, 205 KiB/s, 3 s left',
    ]);
  });

  it('keeps one sample per tenth of a second', () => {
    const rate = new TransferRate();
    for (let ms = 0; ms <= 2000; ms += 1) {
      rate.add(ms, ms * 1000);
    }
    assert.equal(rate.bytesPerSecond(), 1_000_000);
  });
});
