import * as vscode from 'vscode';
import { withAbortSignal } from '../cancellation';
import { pasteImageInPad } from './imagePad';
import type { LivePick, LivePickChoice, MessageLevel, PastedImage, ProgressSink, UserInterface } from './userInterface';

const SHOW: Record<MessageLevel, 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage'> = {
  info: 'showInformationMessage',
  warning: 'showWarningMessage',
  error: 'showErrorMessage',
};

/**
 * The UserInterface of VS Code's workbench. Each call reads `vscode.window` when it is made, not
 * when this is built: the integration tests answer prompts by replacing those functions.
 */
export class VscodeUserInterface implements UserInterface {
  async showMessage(level: MessageLevel, message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window[SHOW[level]](message, ...actions);
  }

  async showModal(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true }, ...actions);
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox(options);
  }

  async showInputBoxUntilAccepted(
    options: vscode.InputBoxOptions,
    accept: (value: string) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.value = options.value ?? '';
    box.valueSelection = options.valueSelection;
    box.password = options.password ?? false;
    box.ignoreFocusOut = options.ignoreFocusOut ?? false;
    const problem = async (value: string): Promise<string | undefined> => {
      const found = await options.validateInput?.(value);
      return typeof found === 'object' && found !== null ? found.message : (found ?? undefined);
    };
    const subscriptions: vscode.Disposable[] = [];
    const accepted = await new Promise<string | undefined>((resolve) => {
      subscriptions.push(
        box.onDidHide(() => resolve(undefined)),
        box.onDidChangeValue(async (value) => {
          box.validationMessage = await problem(value);
        }),
        box.onDidAccept(async () => {
          if (box.busy) {
            return;
          }
          const value = box.value;
          box.busy = true;
          box.enabled = false;
          // A failure to check (R2 unreachable) shows under the box too: the user may try again.
          const refused =
            (await problem(value)) ??
            (await accept(value).catch((error: unknown) => (error instanceof Error ? error.message : String(error))));
          box.busy = false;
          box.enabled = true;
          if (refused === undefined) {
            resolve(value);
          } else {
            box.validationMessage = refused;
          }
        }),
      );
      box.show();
    });
    subscriptions.forEach((subscription) => subscription.dispose());
    box.dispose();
    return accepted;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: false });
  }

  async showQuickPickMany<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<readonly T[] | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  }

  async showLiveQuickPick<T extends vscode.QuickPickItem>(
    options: { readonly title: string; readonly placeHolder: string },
    fill: (pick: LivePick<T>, signal: AbortSignal) => Promise<void>,
  ): Promise<LivePickChoice<T> | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    const controller = new AbortController();
    const items: T[] = [];
    Object.assign(quickPick, { ...options, matchOnDescription: true, keepScrollPosition: true, busy: true });
    return new Promise<LivePickChoice<T> | undefined>((resolve, reject) => {
      const close = (choice: LivePickChoice<T> | undefined) => {
        resolve(choice);
        quickPick.hide();
      };
      quickPick.onDidAccept(() => close(quickPick.selectedItems[0] && { item: quickPick.selectedItems[0] }));
      quickPick.onDidTriggerItemButton(({ item, button }) => close({ item, button: item.buttons?.indexOf(button) }));
      quickPick.onDidHide(() => {
        controller.abort();
        quickPick.dispose();
        resolve(undefined);
      });
      quickPick.show();
      const pick: LivePick<T> = {
        add: (more) => {
          items.push(...more);
          quickPick.items = items;
        },
        status: (text) => {
          quickPick.title = `${options.title}: ${text}`;
        },
      };
      fill(pick, controller.signal).then(
        () => {
          quickPick.busy = false;
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            reject(error);
            quickPick.hide();
          }
        },
      );
    });
  }

  async openExternal(url: string): Promise<void> {
    // Parsed strictly: a presigned URL's signature must reach the browser unchanged.
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<readonly vscode.Uri[] | undefined> {
    return vscode.window.showOpenDialog(options);
  }

  async withProgress<T>(title: string, work: (signal: AbortSignal, progress: ProgressSink) => Promise<T>): Promise<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => withAbortSignal(token, (signal) => work(signal, progress)),
    );
  }

  setStatusBarMessage(text: string, timeoutMs: number): void {
    vscode.window.setStatusBarMessage(text, timeoutMs);
  }

  async readClipboard(): Promise<string> {
    return vscode.env.clipboard.readText();
  }

  async pasteImage(title: string): Promise<PastedImage | undefined> {
    return pasteImageInPad(title);
  }

  async writeClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  }

  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return vscode.commands.executeCommand(command, ...args);
  }

  async revealFile(path: string): Promise<void> {
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(path));
  }

  activeResource(): vscode.Uri | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) {
      return input.uri;
    }
    return vscode.window.activeTextEditor?.document.uri;
  }

  isDirty(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri.toString() && doc.isDirty);
  }

  async saveIfDirty(uri: vscode.Uri): Promise<void> {
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    if (document?.isDirty) {
      await document.save();
    }
  }

  asRelativePath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri);
  }

  async showTextDocument(uri: vscode.Uri): Promise<{ readonly isDirty: boolean }> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }
}
