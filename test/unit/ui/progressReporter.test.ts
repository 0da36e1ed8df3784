import assert from 'node:assert/strict';
import { NotificationReporter, transferText } from '../../../src/ui/progressReporter';

describe('NotificationReporter', () => {
  it('shows the first and the last update, throttles those between, and moves the bar by bytes', () => {
    const shown: Array<{ message?: string; increment?: number }> = [];
    const reporter = new NotificationReporter({ report: (value) => shown.push(value) });
    reporter.report({ itemsDone: 0, itemsTotal: 2, bytesDone: 0, bytesTotal: 2048 });
    reporter.report({ itemsDone: 0, itemsTotal: 2, bytesDone: 1024, bytesTotal: 2048 });
    reporter.report({ itemsDone: 2, itemsTotal: 2, bytesDone: 2048, bytesTotal: 2048 });
    assert.deepEqual(shown, [
      { message: '0 of 2 files · 0 B of 2 KB', increment: 0 },
      { message: '2 of 2 files · 2 KB of 2 KB', increment: 100 },
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
});
