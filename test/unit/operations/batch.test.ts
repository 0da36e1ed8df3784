import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelBatch, runBatch } from '../../../src/operations/batch';
import type { ConflictAnswer } from '../../../src/operations/conflicts';
import { ConflictPolicy } from '../../../src/operations/conflicts';

describe('runBatch', () => {
  it('keeps at most `concurrency` items in flight and accounts for each', async () => {
    let inFlight = 0;
    let peak = 0;
    const outcome = await runBatch([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(5);
      inFlight--;
      if (n === 4) {
        throw new Error('boom');
      }
      return n % 2 === 0 ? 'skipped' : 'done';
    });
    assert.equal(peak, 3);
    assert.deepEqual(outcome.done.sort(), [1, 3, 5, 7]);
    assert.deepEqual(outcome.skipped.sort(), [2, 6]);
    assert.deepEqual(
      outcome.failed.map((f) => f.item),
      [4],
    );
    assert.equal(outcome.cancelled, false);
  });

  it('stops starting items once cancelled, and lists what was not done', async () => {
    const controller = new AbortController();
    const outcome = await runBatch([1, 2, 3, 4, 5], 1, controller.signal, async (n, signal) => {
      if (n === 2) {
        controller.abort();
        assert.equal(signal.aborted, true);
        throw new Error('aborted mid-transfer');
      }
      return 'done';
    });
    assert.deepEqual(outcome.done, [1]);
    assert.deepEqual(outcome.notDone, [2, 3, 4, 5]);
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.cancelled, true);
  });

  it('stops the batch when an item throws CancelBatch', async () => {
    const outcome = await runBatch(['a', 'b', 'c'], 1, new AbortController().signal, async (item) => {
      if (item === 'b') {
        throw new CancelBatch();
      }
      return 'done';
    });
    assert.deepEqual(outcome.done, ['a']);
    assert.deepEqual(outcome.notDone, ['b', 'c']);
  });
});

describe('ConflictPolicy', () => {
  it('asks one at a time, remembers "all" answers, and cancels', async () => {
    const answers: ConflictAnswer[] = ['skip', 'overwriteAll'];
    const asked: string[] = [];
    const policy = new ConflictPolicy(async (name) => {
      asked.push(name);
      await sleep(1);
      return answers.shift()!;
    });
    const decisions = await Promise.all(['a', 'b', 'c', 'd'].map((name) => policy.decide(name)));
    assert.deepEqual(decisions, ['skip', 'overwrite', 'overwrite', 'overwrite']);
    assert.deepEqual(asked, ['a', 'b']);
    const cancelling = new ConflictPolicy(async () => 'cancel');
    await assert.rejects(cancelling.decide('x'), CancelBatch);
  });
});
