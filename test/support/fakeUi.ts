// A scripted UserInterface for plain-Node tests of commands, after the Azure extensions'
// TestUserInput: each prompt takes the next step of the script, in order, and must be the kind of
// prompt the step names and match its text; any other prompt fails the test, as does a script not
// used up (`assertDone`). Messages, clipboard writes, commands run and progress are recorded.
import assert from 'node:assert/strict';
import type { InputBoxOptions, OpenDialogOptions, QuickPickItem, QuickPickOptions, Uri } from 'vscode';
import type {
  LivePick,
  LivePickChoice,
  MessageLevel,
  PastedImage,
  ProgressSink,
  UserInterface,
} from '../../src/ui/userInterface';

/** Matches a prompt's title, prompt, placeholder or message: a substring, or a pattern. */
export type Match = string | RegExp;

/** What answers a quick pick: an item's label, several labels (picking many), or a choice among the items. */
export type PickAnswer =
  | string
  | readonly string[]
  | ((items: readonly QuickPickItem[]) => QuickPickItem | readonly QuickPickItem[] | undefined);

/** One expected prompt and its answer; `undefined` dismisses it (Escape, Cancel). */
export type Step =
  | { readonly input: Match; readonly answer: string | undefined }
  | { readonly pick: Match; readonly answer: PickAnswer | undefined }
  | { readonly modal: Match; readonly answer: string | undefined }
  | { readonly dialog: Match; readonly answer: readonly string[] | undefined }
  /** A live quick pick: filled to the end, then this item's label chosen (with the button at this index). */
  | { readonly livePick: Match; readonly answer: { readonly label: string; readonly button?: number } | undefined }
  /** The paste-image pad with this title: the image pasted in it, or undefined (closed first). */
  | { readonly pad: Match; readonly answer: PastedImage | undefined }
  /** A notification's button to press (a notification not scripted is closed unanswered). */
  | { readonly message: Match; readonly answer: string | undefined }
  /** Presses Cancel on the progress notification with this title as soon as it shows. */
  | { readonly cancelProgress: Match };

export interface Shown {
  readonly level: MessageLevel | 'modal';
  readonly message: string;
  readonly actions: readonly string[];
}

/** A file Uri as the commands read it (scheme and fsPath), without VS Code. */
export function fileUri(path: string): Uri {
  return { scheme: 'file', fsPath: path, path, toString: () => `file://${path}` } as unknown as Uri;
}

function matches(match: Match, ...texts: Array<string | undefined>): boolean {
  return texts.some(
    (text) => text !== undefined && (typeof match === 'string' ? text.includes(match) : match.test(text)),
  );
}

export class FakeUi implements UserInterface {
  private readonly steps: Step[];
  /** Every prompt shown, by its title (or else its prompt or placeholder), in order. */
  readonly asked: string[] = [];
  /** The options of every input box, in order: the values it was prefilled with, for instance. */
  readonly inputs: InputBoxOptions[] = [];
  /** Every notification and modal dialog, in order. */
  readonly shown: Shown[] = [];
  /**
   * Problems an input box's validation found in a scripted answer (the box was then dismissed), and
   * those a box that stays open showed (the next step answered again).
   */
  readonly refused: string[] = [];
  readonly clipboard: string[] = [];
  readonly statusBar: string[] = [];
  readonly commands: Array<{ readonly command: string; readonly args: readonly unknown[] }> = [];
  readonly progress: string[] = [];
  /** Every status line of live quick picks, and their items' labels as the pick ended. */
  readonly liveStatus: string[] = [];
  readonly liveItems: string[] = [];
  readonly revealed: string[] = [];
  /** Web addresses opened in the browser. */
  readonly opened: string[] = [];
  readonly saved: string[] = [];
  /** Prompts that had no step, or another: each also failed the call that showed it. */
  readonly unexpected: string[] = [];
  /** What `activeResource` returns. */
  active?: Uri;
  /** Paths whose documents `isDirty` says have unsaved edits. */
  readonly dirty = new Set<string>();

  constructor(steps: readonly Step[] = []) {
    this.steps = [...steps];
  }

  /** Fails unless every step was used and no prompt came unscripted. */
  assertDone(): void {
    assert.deepEqual(this.unexpected, [], 'prompts that were not scripted');
    assert.deepEqual(this.steps, [], 'scripted steps never reached');
  }

  /** The messages shown at this level (or all of them), text only. */
  messages(level?: Shown['level']): string[] {
    return this.shown.filter((shown) => level === undefined || shown.level === level).map((shown) => shown.message);
  }

  private take<K extends 'input' | 'pick' | 'modal' | 'dialog' | 'livePick' | 'pad'>(
    kind: K,
    ...texts: Array<string | undefined>
  ): Extract<Step, Record<K, Match>> {
    const [title] = texts.filter((text) => text !== undefined);
    this.asked.push(title ?? '');
    const next = this.steps[0];
    if (next === undefined || !(kind in next) || !matches((next as Record<K, Match>)[kind], ...texts)) {
      const problem = `unexpected ${kind} "${texts.filter(Boolean).join(' | ')}"${next ? `; the script expects ${JSON.stringify(next, (_, value: unknown) => (value instanceof RegExp ? String(value) : value))}` : ''}`;
      this.unexpected.push(problem);
      throw new assert.AssertionError({ message: problem });
    }
    this.steps.shift();
    return next as Extract<Step, Record<K, Match>>;
  }

  /** The next step, if it is of `kind` and matches: notifications and progress need no step. */
  private takeOptional<K extends 'message' | 'cancelProgress'>(
    kind: K,
    text: string,
  ): Extract<Step, Record<K, Match>> | undefined {
    const next = this.steps[0];
    if (next !== undefined && kind in next && matches((next as Record<K, Match>)[kind], text)) {
      this.steps.shift();
      return next as Extract<Step, Record<K, Match>>;
    }
    return undefined;
  }

  async showMessage(level: MessageLevel, message: string, ...actions: string[]): Promise<string | undefined> {
    this.shown.push({ level, message, actions });
    const answer = this.takeOptional('message', message)?.answer;
    assert.ok(
      answer === undefined || actions.includes(answer),
      `no button "${answer}" on "${message}": ${actions.join(' | ')}`,
    );
    return answer;
  }

  async showModal(message: string, ...actions: string[]): Promise<string | undefined> {
    this.shown.push({ level: 'modal', message, actions });
    const { answer } = this.take('modal', message);
    assert.ok(
      answer === undefined || actions.includes(answer),
      `no button "${answer}" on "${message}": ${actions.join(' | ')}`,
    );
    return answer;
  }

  async showInputBox(options: InputBoxOptions): Promise<string | undefined> {
    this.inputs.push(options);
    const { answer } = this.take('input', options.title, options.prompt, options.placeHolder);
    if (answer !== undefined && options.validateInput) {
      const problem = await options.validateInput(answer);
      if (problem) {
        this.refused.push(typeof problem === 'string' ? problem : problem.message);
        return undefined;
      }
    }
    return answer;
  }

  /** Each try takes the next `input` step; a refused value is recorded and the next step answers. */
  async showInputBoxUntilAccepted(
    options: InputBoxOptions,
    accept: (value: string) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    this.inputs.push(options);
    for (;;) {
      const { answer } = this.take('input', options.title, options.prompt, options.placeHolder);
      if (answer === undefined) {
        return undefined;
      }
      const invalid = await options.validateInput?.(answer);
      const problem =
        (typeof invalid === 'object' && invalid !== null ? invalid.message : invalid) ?? (await accept(answer));
      if (problem === undefined) {
        return answer;
      }
      this.refused.push(problem);
    }
  }

  async showQuickPick<T extends QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: QuickPickOptions,
  ): Promise<T | undefined> {
    const { answer } = this.take('pick', options.title, options.placeHolder);
    const picked = this.choose(await items, answer, options);
    assert.ok(!Array.isArray(picked), `"${options.title}" picks one item`);
    return picked as T | undefined;
  }

  async showQuickPickMany<T extends QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: QuickPickOptions,
  ): Promise<readonly T[] | undefined> {
    const { answer } = this.take('pick', options.title, options.placeHolder);
    const picked = this.choose(await items, answer, options);
    return picked === undefined ? undefined : ((Array.isArray(picked) ? picked : [picked]) as T[]);
  }

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }

  async showLiveQuickPick<T extends QuickPickItem>(
    options: { readonly title: string; readonly placeHolder: string },
    fill: (pick: LivePick<T>, signal: AbortSignal) => Promise<void>,
  ): Promise<LivePickChoice<T> | undefined> {
    const { answer } = this.take('livePick', options.title, options.placeHolder);
    const items: T[] = [];
    await fill(
      { add: (more) => items.push(...more), status: (text) => this.liveStatus.push(text) },
      new AbortController().signal,
    );
    this.liveItems.push(...items.map((item) => item.label));
    if (answer === undefined) {
      return undefined;
    }
    const item = items.find((each) => each.label === answer.label);
    assert.ok(item, `no item "${answer.label}" in the live pick: ${items.map((each) => each.label).join(' | ')}`);
    return { item, button: answer.button };
  }

  private choose<T extends QuickPickItem>(
    items: readonly T[],
    answer: PickAnswer | undefined,
    options: QuickPickOptions,
  ): T | readonly T[] | undefined {
    if (answer === undefined) {
      return undefined;
    }
    if (typeof answer === 'function') {
      return answer(items) as T | readonly T[] | undefined;
    }
    const find = (label: string) => {
      const found = items.find((item) => item.label === label);
      assert.ok(
        found,
        `no item "${label}" in "${options.title ?? options.placeHolder}": ${items.map((item) => item.label).join(' | ')}`,
      );
      return found;
    };
    return typeof answer === 'string' ? find(answer) : answer.map(find);
  }

  async showOpenDialog(options: OpenDialogOptions): Promise<readonly Uri[] | undefined> {
    const { answer } = this.take('dialog', options.title, options.openLabel);
    return answer?.map(fileUri);
  }

  async withProgress<T>(title: string, work: (signal: AbortSignal, progress: ProgressSink) => Promise<T>): Promise<T> {
    this.progress.push(title);
    const controller = new AbortController();
    if (this.takeOptional('cancelProgress', title)) {
      controller.abort();
    }
    return work(controller.signal, { report: () => undefined });
  }

  setStatusBarMessage(text: string): void {
    this.statusBar.push(text);
  }

  async readClipboard(): Promise<string> {
    return this.clipboard.at(-1) ?? '';
  }

  async writeClipboard(text: string): Promise<void> {
    this.clipboard.push(text);
  }

  async pasteImage(title: string): Promise<PastedImage | undefined> {
    return this.take('pad', title).answer;
  }

  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    this.commands.push({ command, args });
    return undefined;
  }

  async revealFile(path: string): Promise<void> {
    this.revealed.push(path);
  }

  activeResource(): Uri | undefined {
    return this.active;
  }

  isDirty(uri: Uri): boolean {
    return this.dirty.has(uri.fsPath);
  }

  async saveIfDirty(uri: Uri): Promise<void> {
    this.saved.push(uri.fsPath);
  }

  asRelativePath(uri: Uri): string {
    return uri.fsPath;
  }

  async showTextDocument(uri: Uri): Promise<{ readonly isDirty: boolean }> {
    this.commands.push({ command: 'showTextDocument', args: [uri] });
    return { isDirty: false };
  }
}
