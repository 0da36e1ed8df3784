// Answers the extension's prompts from a script. The suite shares the extension's `vscode` API object
// (both load from the extension's folder), so replacing window functions here is what the command sees.
import * as vscode from 'vscode';

/** A quick pick's function answer returns the chosen item, or the chosen items when it picks many. */
type Answer =
  | string
  | undefined
  | vscode.Uri[]
  | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | readonly vscode.QuickPickItem[] | undefined)
  /** An input box's answer chosen from what it offers: `(options) => options.value` presses Enter. */
  | { readonly input: (options: vscode.InputBoxOptions) => string | undefined };

export interface PromptLog {
  /** Titles or prompts of every box and picker shown, in order. */
  readonly asked: string[];
  /** Every message shown, with the buttons offered. */
  readonly shown: Array<{ level: 'info' | 'warning' | 'error'; message: string; items: string[] }>;
  /** Problems an input box's validation reported for a scripted answer (the box was then dismissed). */
  readonly refused: string[];
  restore(): void;
}

/**
 * Replaces input boxes, quick picks and open dialogs with the given answers (in order), and
 * messages with `messageAnswer`: the button to press on every message, or one per message in
 * order (undefined dismisses).
 */
/** A button to press, or a function choosing one (it may wait, e.g. until a server is back). */
type MessageAnswer = string | undefined | ((message: string) => Promise<string | undefined>);

export function scriptPrompts(answers: Answer[], messageAnswer?: MessageAnswer | MessageAnswer[]): PromptLog {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const replaced = [
    'showInputBox',
    'showQuickPick',
    'showOpenDialog',
    'showInformationMessage',
    'showWarningMessage',
    'showErrorMessage',
  ] as const;
  const original = Object.fromEntries(replaced.map((name) => [name, window[name]]));
  const queue = [...answers];
  const log: PromptLog = {
    asked: [],
    shown: [],
    refused: [],
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
    const scripted = next(options?.title ?? options?.prompt);
    const answer = typeof scripted === 'object' && 'input' in scripted ? scripted.input(options ?? {}) : scripted;
    if (typeof answer === 'string' && options?.validateInput) {
      const problem = await options.validateInput(answer);
      if (problem) {
        log.refused.push(typeof problem === 'string' ? problem : problem.message);
        return undefined;
      }
    }
    return answer;
  }) as typeof window.showInputBox;
  window.showQuickPick = (async (
    items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
    options?: vscode.QuickPickOptions,
  ) => {
    const answer = next(options?.title ?? options?.placeHolder);
    const resolved = await items;
    if (typeof answer === 'function') {
      return answer(resolved);
    }
    const found = resolved.find((item) => item.label === answer);
    if (answer !== undefined && !found) {
      throw new Error(
        `no item "${String(answer)}" in "${options?.title}": ${resolved.map((item) => item.label).join(' | ')}`,
      );
    }
    return found;
  }) as unknown as typeof window.showQuickPick;
  window.showOpenDialog = (async (options?: vscode.OpenDialogOptions) => {
    const answer = next(options?.title ?? options?.openLabel);
    if (answer !== undefined && !Array.isArray(answer)) {
      throw new Error(`the open dialog "${options?.title}" needs Uri[] as its scripted answer`);
    }
    return answer;
  }) as typeof window.showOpenDialog;
  const message = (level: 'info' | 'warning' | 'error') =>
    (async (text: string, ...rest: unknown[]) => {
      const items = rest.filter((item): item is string => typeof item === 'string');
      log.shown.push({ level, message: text, items });
      const scripted = Array.isArray(messageAnswer) ? messageAnswer.shift() : messageAnswer;
      const answer = typeof scripted === 'function' ? await scripted(text) : scripted;
      return answer !== undefined && items.includes(answer) ? answer : undefined;
    }) as typeof window.showInformationMessage;
  window.showInformationMessage = message('info');
  window.showWarningMessage = message('warning');
  window.showErrorMessage = message('error');
  return log;
}

/** Runs a command as a user would, answering its prompts from the script; returns what was asked and shown. */
export async function runWithPrompts(
  command: string,
  args: unknown[],
  answers: Answer[] = [],
  messageAnswer?: MessageAnswer | MessageAnswer[],
): Promise<PromptLog> {
  const prompts = scriptPrompts(answers, messageAnswer);
  try {
    await vscode.commands.executeCommand(command, ...args);
  } finally {
    prompts.restore();
  }
  return prompts;
}

/**
 * The input boxes the extension creates with `createInputBox` (boxes that stay open), shown for
 * real in the workbench: the test types into them and presses Enter as a user would.
 */
export function watchInputBoxes(): {
  /** The next box shown (or the last one, if it is still showing). */
  next(): Promise<vscode.InputBox>;
  /** Types `value` into `box` and presses Enter. */
  enter(box: vscode.InputBox, value: string): Promise<void>;
  restore(): void;
} {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const original = window.createInputBox;
  const created: vscode.InputBox[] = [];
  window.createInputBox = () => {
    const box = original();
    created.push(box);
    return box;
  };
  return {
    async next() {
      const deadline = Date.now() + 10_000;
      while (created.length === 0) {
        if (Date.now() > deadline) {
          throw new Error('no input box was created');
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return created[created.length - 1];
    },
    async enter(box, value) {
      box.value = value;
      // The value reaches the workbench on the extension host's next turn; then Enter.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    },
    restore: () => {
      window.createInputBox = original;
    },
  };
}
