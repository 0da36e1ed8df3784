// Conflict answers scripted for the operations' tests, shared by the upload and copy suites.
import assert from 'node:assert/strict';
import { ConflictPolicy } from '../../../src/operations/conflicts';
import type { ConflictAnswer } from '../../../src/operations/conflicts';

/**
 * A ConflictPolicy that answers each question in turn (running `then` before answering, to act as
 * another writer at that moment), recording the names asked about and whether each was a repeat.
 */
export function answering(...answers: Array<{ answer: ConflictAnswer; then?: () => void }>) {
  const asked: Array<{ name: string; changed: boolean }> = [];
  const policy = new ConflictPolicy(async (name: string, changed?: boolean) => {
    asked.push({ name, changed: changed === true });
    const next = answers.shift();
    assert.ok(next, `no answer left for "${name}"`);
    next.then?.();
    return next.answer;
  });
  return { asked, policy };
}
