// Answers the extension's prompts from a script. The suite shares the extension's `vscode` API object
// (both load from the extension's folder), so replacing window functions here is what the command sees.
import * as vscode from 'vscode';

type Answer = string | undefined | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined);

export interface PromptLog {
  /** Titles or prompts of every box and picker shown, in order. */
  readonly asked: string[];
  /** Every message shown, with the buttons offered. */
  readonly shown: Array<{ level: 'info' | 'warning' | 'error'; message: string; items: string[] }>;
  restore(): void;
}

/**
 * Replaces input boxes and quick picks with the given answers (in order), and messages with the
 * `messageAnswer` (the button to press; undefined dismisses).
 */
export function scriptPrompts(answers: Answer[], messageAnswer?: string): PromptLog {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const replaced = ['showInputBox', 'showQuickPick', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;
  const original = Object.fromEntries(replaced.map((name) => [name, window[name]]));
  const queue = [...answers];
  const log: PromptLog = {
    asked: [],
    shown: [],
    restore: () => Object.assign(window, original),
  };
  const next = (title: string | undefined): Answer => {
    log.asked.push(title ?? '');
    if (queue.length === 0) {
      throw new Error(`no scripted answer left for "${title}"`);
    }
    return queue.shift();
  };
  window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    const answer = next(options?.title ?? options?.prompt);
    if (typeof answer === 'string' && options?.validateInput) {
      const problem = await options.validateInput(answer);
      if (problem) {
        throw new Error(`scripted answer "${answer}" was refused: ${JSON.stringify(problem)}`);
      }
    }
    return answer;
  }) as typeof window.showInputBox;
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const answer = next(options?.title ?? options?.placeHolder);
    const resolved = await items;
    return typeof answer === 'function' ? answer(resolved) : resolved.find((item) => item.label === answer);
  }) as unknown as typeof window.showQuickPick;
  const message = (level: 'info' | 'warning' | 'error') =>
    (async (text: string, ...rest: unknown[]) => {
      const items = rest.filter((item): item is string => typeof item === 'string');
      log.shown.push({ level, message: text, items });
      return items.includes(messageAnswer ?? '') ? messageAnswer : undefined;
    }) as typeof window.showInformationMessage;
  window.showInformationMessage = message('info');
  window.showWarningMessage = message('warning');
  window.showErrorMessage = message('error');
  return log;
}
