// The one presenter, against the scripted UI: what each outcome shows, logs and offers.
import assert from 'node:assert/strict';
import type { Outcome } from '../../../src/operations';
import { R2Error } from '../../../src/r2';
import type { R2ErrorCode } from '../../../src/r2';
import { presentFailure, presentOutcome } from '../../../src/ui/outcomePresenter';
import { FakeUi } from '../../support/fakeUi';
import { MemoryLog } from '../commands/helpers';

function outcome(parts: Partial<Outcome<string>>): Outcome<string> {
  return { done: [], skipped: [], failed: [], refused: [], notDone: [], cancelled: false, changed: [], ...parts };
}

const failure = (item: string, message: string, code?: R2ErrorCode) => ({
  item,
  message,
  code,
  error: code ? new R2Error(code, { operation: 'PutObject' }, { message }) : new Error(message),
});

describe('presentOutcome', () => {
  it('failures: the summary with the cause as a warning, each failure and refusal in the log, Retry Failed for the retryable items only', async () => {
    const ui = new FakeUi([
      { message: '1 uploaded, 4 failed. 2 of them: could not reach the server; see the log', answer: 'Retry Failed' },
    ]);
    const log = new MemoryLog();
    let retried: string[] = [];
    await presentOutcome(
      { ui, log: log as never },
      outcome({
        done: ['a'],
        failed: [
          failure('b', 'Could not reach the server.', 'Network'),
          failure('c', 'Could not reach the server.', 'Network'),
          failure('e', 'Signature=abc123 refused'),
        ],
        refused: [{ name: 'd', reason: 'unreadable' }],
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
      {
        level: 'warning',
        message: '1 uploaded, 4 failed. 2 of them: could not reach the server; see the log for the others.',
        actions: ['Retry Failed', 'Show Log'],
      },
    ]);
    assert.deepEqual(retried, ['b', 'c']);
    // Signatures never reach the log.
    assert.deepEqual(log.lines, [
      'error file b: Could not reach the server.',
      'error file c: Could not reach the server.',
      'error file e: Signature=<redacted> refused',
      'warn d: not uploaded, unreadable',
    ]);
  });

  it('one failure says why; no Retry Failed for what a retry cannot fix', async () => {
    const ui = new FakeUi();
    await presentOutcome(
      { ui, log: new MemoryLog() as never },
      outcome({ failed: [failure('x', '"x" cannot be copied onto itself.')] }),
      { verb: 'copied', describe: String, retryFailed: async () => assert.fail('no retry') },
    );
    assert.deepEqual(ui.shown, [
      { level: 'warning', message: '0 copied, 1 failed: "x" cannot be copied onto itself.', actions: ['Show Log'] },
    ]);
  });

  it('refused writes: the key may be read-only, and Edit Account edits the account of the items', async () => {
    const ui = new FakeUi([{ message: '0 uploaded, 2 failed: access denied', answer: 'Edit Account' }]);
    const denied = (item: string) => failure(item, `Access denied to "${item}" in bucket "b".`, 'AccessDenied');
    await presentOutcome({ ui, log: new MemoryLog() as never }, outcome({ failed: [denied('p'), denied('q')] }), {
      verb: 'uploaded',
      describe: String,
      accountOf: (item) => `account-of-${item}`,
      retryFailed: async () => assert.fail('no retry'),
    });
    ui.assertDone();
    assert.deepEqual(ui.shown, [
      {
        level: 'warning',
        message: '0 uploaded, 2 failed: access denied — the key may be read-only, or limited to other buckets.',
        actions: ['Edit Account', 'Show Log'],
      },
    ]);
    assert.deepEqual(ui.commands, [{ command: 'r2.editAccount', args: ['account-of-p'] }]);

    const read = new FakeUi();
    await presentOutcome({ ui: read, log: new MemoryLog() as never }, outcome({ failed: [denied('r')] }), {
      verb: 'downloaded',
      describe: String,
      accountOf: String,
    });
    assert.deepEqual(read.messages(), [
      '0 downloaded, 1 failed: access denied — the key may be limited to other buckets.',
    ]);
  });

  it("a summary of the command's own gets the cause too", async () => {
    const ui = new FakeUi();
    await presentOutcome(
      { ui, log: new MemoryLog() as never },
      outcome({ failed: [failure('k', 'The access key ID or secret access key is not valid.', 'InvalidCredentials')] }),
      { verb: 'deleted', summary: () => 'Deleted 0 objects; 1 could not be deleted.', describe: String },
    );
    assert.deepEqual(ui.messages(), [
      'Deleted 0 objects; 1 could not be deleted: the access key ID or secret access key is not valid.',
    ]);
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
    assert.deepEqual(ui.shown, [{ level: 'warning', message: '0/1/1: boom.', actions: ['Show Log'] }]);
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
