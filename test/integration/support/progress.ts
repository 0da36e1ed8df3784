// A stand-in for VS Code's progress notification, so that tests press its Cancel themselves.
import * as vscode from 'vscode';

/**
 * Stands in for the progress notification: records its title and messages; `cancel()` presses its
 * Cancel.
 */
export function recordProgress() {
  const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
  const original = window.withProgress;
  const seen = { titles: [] as string[], messages: [] as string[], cancellable: [] as boolean[] };
  const cancel = new vscode.CancellationTokenSource();
  window.withProgress = (async (options, task) => {
    seen.titles.push(options.title ?? '');
    seen.cancellable.push(options.cancellable === true);
    try {
      return await task(
        {
          report: ({ message }) => {
            if (message !== undefined) {
              seen.messages.push(message);
            }
          },
        },
        cancel.token,
      );
    } finally {
      cancel.dispose();
    }
  }) as typeof vscode.window.withProgress;
  return { seen, cancel: () => cancel.cancel(), restore: () => (window.withProgress = original) };
}
