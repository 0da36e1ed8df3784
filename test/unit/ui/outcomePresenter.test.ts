// The one presenter, against the scripted UI: what each outcome shows, logs and offers.
import assert from 'node:assert/strict';
import type { Outcome } from '../../../src/operations';
import { R2Error } from '../../../src/r2';
import { presentFailure, presentOutcome } from '../../../src/ui/outcomePresenter';
import { FakeUi } from '../../support/fakeUi';
import { MemoryLog } from '../commands/helpers';

function outcome(parts: Partial<Outcome<string>>): Outcome<string> {
  return { done: [], skipped: [], failed: [], refused: [], notDone: [], cancelled: false, changed: [], ...parts };
}

const failure = (item: string, message: string) => ({ item, message, error: new Error(message) });

describe('presentOutcome', () => {
  it('failures: the summary as a warning, each failure and refusal in the log, Retry Failed for the failed items only', async () => {
    const ui = new FakeUi([{ message: '1 uploaded, 2 failed.', answer: 'Retry Failed' }]);
    const log = new MemoryLog();
    let retried: string[] = [];
    await presentOutcome(
      { ui, log: log as never },
      outcome({
        done: ['a'],
        failed: [failure('b', 'Signature=abc123 refused')],
        refused: [{ name: 'c', reason: 'unreadable' }],
      }),
      {
        verb: 'uploaded',
        describe: (item) => `file ${item}`,
        retryFailed: async (items) => {
          retried = items;
        },
      },
    );
    ui.assertDone();
    assert.deepEqual(ui.shown, [
      { level: 'warning', message: '1 uploaded, 2 failed.', actions: ['Retry Failed', 'Show Log'] },
    ]);
    assert.deepEqual(retried, ['b']);
    // Signatures never reach the log.
    assert.deepEqual(log.lines, ['error file b: Signature=<redacted> refused', 'warn c: not uploaded, unreadable']);
  });

  it('one item done: its actions; several, or one skipped: none', async () => {
    const ran: string[] = [];
    const single = [{ title: 'Copy URL', run: async () => ran.push('copy') }];
    const one = new FakeUi([{ message: '1 copied.', answer: 'Copy URL' }]);
    await presentOutcome({ ui: one, log: new MemoryLog() as never }, outcome({ done: ['a'] }), {
      verb: 'copied',
      describe: String,
      single,
    });
    assert.deepEqual(ran, ['copy']);
    const two = new FakeUi();
    await presentOutcome({ ui: two, log: new MemoryLog() as never }, outcome({ done: ['a'], skipped: ['b'] }), {
      verb: 'copied',
      describe: String,
      single,
    });
    assert.deepEqual(two.shown, [{ level: 'info', message: '1 copied, 1 skipped.', actions: [] }]);
  });

  it('a summary of its own and a log line of its own', async () => {
    const ui = new FakeUi();
    const log = new MemoryLog();
    await presentOutcome({ ui, log: log as never }, outcome({ failed: [failure('x', 'boom')], notDone: ['y'] }), {
      verb: 'removed',
      summary: (counts) => `${counts.done}/${counts.failed}/${counts.notDone}`,
      describe: String,
      logFailure: (item, reason) => `${item} could not be removed: ${reason}`,
    });
    assert.deepEqual(ui.shown, [{ level: 'warning', message: '0/1/1', actions: ['Show Log'] }]);
    assert.deepEqual(log.lines, ['error x could not be removed: boom']);
  });
});

describe('presentFailure', () => {
  it('offers the next step: Retry for a network failure, Edit Account for refused credentials', async () => {
    const network = new FakeUi([{ message: 'R2:', answer: 'Retry' }]);
    const log = new MemoryLog();
    assert.equal(
      await presentFailure(
        { ui: network, log: log as never },
        'r2.newFolder',
        new R2Error('Network', { operation: 'PutObject' }),
      ),
      'retry',
    );
    assert.deepEqual(network.shown[0].actions, ['Retry', 'Show Log']);
    assert.match(log.lines[0], /^error r2\.newFolder failed: /);

    const credentials = new FakeUi([{ message: 'R2:', answer: 'Edit Account' }]);
    assert.equal(
      await presentFailure(
        { ui: credentials, log: log as never },
        'r2.upload',
        new R2Error('InvalidCredentials', { operation: 'PutObject' }),
      ),
      undefined,
    );
    assert.deepEqual(credentials.commands, [{ command: 'r2.editAccount', args: [] }]);

    const other = new FakeUi();
    await presentFailure({ ui: other, log: log as never }, 'r2.copyTo', new Error('odd'));
    assert.deepEqual(other.shown, [{ level: 'error', message: 'R2: odd', actions: ['Show Log'] }]);
  });
});
