// ProgressCounter: which item a progress message names while several are in flight.
import assert from 'node:assert/strict';
import { ProgressCounter } from '../../../src/operations/reporter';
import type { Progress } from '../../../src/operations';

describe('ProgressCounter', () => {
  it('names the item in flight that started first, until it ends, failing too', async () => {
    const reported: Progress[] = [];
    const counter = new ProgressCounter({ report: (progress) => reported.push(progress) }, 3, 30);
    const current = () => reported.at(-1)?.current;
    let finishBig!: () => void;
    const big = counter.track('big.bin', () => new Promise<void>((resolve) => (finishBig = resolve)));
    await counter.track('small.txt', async () => counter.add(1));
    // The small file came and went while the big one kept going: the big one is named.
    assert.equal(current(), 'big.bin');
    const failing = counter.track('broken.txt', async () => {
      throw new Error('refused');
    });
    await assert.rejects(failing, /refused/);
    finishBig();
    await big;
    counter.add(1);
    assert.equal(current(), undefined);
    assert.equal(reported[0].current, undefined);
  });
});
