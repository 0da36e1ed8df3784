// VS Code cancels with a CancellationToken; everything below the adapters takes an AbortSignal.
import type * as vscode from 'vscode';

/** Runs `work` with a signal that fires when `token` is (or already was) cancelled. */
export async function withAbortSignal<T>(
  token: vscode.CancellationToken,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) {
    controller.abort();
  }
  try {
    return await work(controller.signal);
  } finally {
    subscription.dispose();
  }
}
