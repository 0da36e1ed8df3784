import { setTimeout as sleep } from 'node:timers/promises';

/** Retries `check` until it passes, for what the UI or the server finishes a moment later. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
    await sleep(200);
  }
}
