// The one scheduler for work done many at a time. Pure: tasks are promises the test settles by hand,
// so each state (how many run, which start next) is looked at exactly, with no timing.
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { runConcurrently, runPool } from '../../../src/r2/pool';
import { isR2Error } from '../../../src/r2';

/** Tasks that run until the test settles them, recording what started. */
function gatedTasks() {
  const started: number[] = [];
  const gates = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  const signals = new Map<number, AbortSignal>();
  const task = (index: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      started.push(index);
      signals.set(index, signal);
      gates.set(index, { resolve, reject });
    });
  const gate = (index: number) => {
    const found = gates.get(index);
    assert.ok(found, `task ${index} has started`);
    return found;
  };
  return { started, signals, task, gate };
}

describe('r2 pool', () => {
  describe('runConcurrently', () => {
    it('starts tasks in index order, at most `concurrency` at once, a new one as each settles', async () => {
      const tasks = gatedTasks();
      const run = runConcurrently(5, 2, new AbortController().signal, tasks.task);
      await nextTurn();
      assert.deepEqual(tasks.started, [0, 1]);
      tasks.gate(1).resolve();
      await nextTurn();
      assert.deepEqual(tasks.started, [0, 1, 2]);
      tasks.gate(0).resolve();
      tasks.gate(2).resolve();
      await nextTurn();
      assert.deepEqual(tasks.started, [0, 1, 2, 3, 4]);
      tasks.gate(3).resolve();
      tasks.gate(4).resolve();
      assert.deepEqual(await run, { started: 5 });
    });

    it('runs nothing for no tasks, and fewer workers than tasks never leaves one out', async () => {
      assert.deepEqual(await runConcurrently(0, 4, new AbortController().signal, () => assert.fail('no task')), {
        started: 0,
      });
      const seen: number[] = [];
      assert.deepEqual(
        await runConcurrently(3, 10, new AbortController().signal, async (index) => void seen.push(index)),
        { started: 3 },
      );
      assert.deepEqual(seen, [0, 1, 2]);
    });

    it("on a failure starts nothing more, fires the running tasks' signal, and rejects with it only once they have settled", async () => {
      const tasks = gatedTasks();
      const boom = new Error('boom');
      let settled = false;
      const run = runConcurrently(5, 2, new AbortController().signal, tasks.task).finally(() => {
        settled = true;
      });
      await nextTurn();
      tasks.gate(0).reject(boom);
      await nextTurn();
      assert.deepEqual(tasks.started, [0, 1]);
      assert.equal(tasks.signals.get(1)?.aborted, true);
      assert.equal(settled, false, 'task 1 is still running');
      tasks.gate(1).reject(new Error('a later failure'));
      await assert.rejects(run, (error) => error === boom);
    });

    it("starts nothing once the caller's signal fires, and says how many had started", async () => {
      const tasks = gatedTasks();
      const controller = new AbortController();
      const run = runConcurrently(5, 2, controller.signal, tasks.task);
      await nextTurn();
      controller.abort();
      assert.equal(tasks.signals.get(0)?.aborted, true);
      tasks.gate(0).resolve();
      tasks.gate(1).resolve();
      assert.deepEqual(await run, { started: 2 });
      assert.deepEqual(tasks.started, [0, 1]);
    });
  });

  describe('runPool', () => {
    it('classifies the first failure once every running task has settled', async () => {
      const tasks = gatedTasks();
      const run = runPool(3, 2, { operation: 'UploadPart' }, new AbortController().signal, tasks.task);
      await nextTurn();
      tasks.gate(1).reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      tasks.gate(0).resolve();
      await assert.rejects(run, (error) => isR2Error(error, 'Network'));
      assert.deepEqual(tasks.started, [0, 1]);
    });

    it("is Cancelled when the caller's signal fired, even if every started task finished", async () => {
      const tasks = gatedTasks();
      const controller = new AbortController();
      const run = runPool(3, 1, { operation: 'GetObject' }, controller.signal, tasks.task);
      await nextTurn();
      controller.abort();
      tasks.gate(0).resolve();
      await assert.rejects(run, (error) => isR2Error(error, 'Cancelled'));
    });
  });
});
