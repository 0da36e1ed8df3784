// The pad that takes an image pasted with Ctrl+V / Cmd+V. VS Code's clipboard API reads only text,
// and in a browser (code-server, vscode.dev) the extension host is not even on the user's machine:
// a webview is a page of the user's own browser or window, whose paste event carries the image.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { messages } from './messages';
import type { PastedImage } from './userInterface';

/** What the pad's script posts: the PNG's bytes and the clipboard's name for it, or that it was closed. */
type PadMessage =
  { readonly type: 'image'; readonly bytes: Uint8Array; readonly name: string } | { readonly type: 'cancel' };

/** Shows the pad until an image is pasted (resolves to it, as PNG) or the pad is closed or Escape pressed (undefined). */
export function pasteImageInPad(title: string): Promise<PastedImage | undefined> {
  const panel = vscode.window.createWebviewPanel(
    'r2.pasteImage',
    title,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
    // No local files: the page is its own HTML and one inline script.
    { enableScripts: true, localResourceRoots: [] },
  );
  panel.webview.html = padHtml(panel.webview.cspSource, title);
  return new Promise((resolve) => {
    const subscriptions = [
      panel.onDidDispose(() => resolve(undefined)),
      panel.webview.onDidReceiveMessage((message: PadMessage) => {
        resolve(message.type === 'image' ? { bytes: new Uint8Array(message.bytes), name: message.name } : undefined);
        // Taken or cancelled, the pad has done its part: the name is asked at the top of the window.
        subscriptions.forEach((subscription) => subscription.dispose());
        panel.dispose();
      }),
    ];
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function padHtml(cspSource: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const text = messages.pasteImagePad;
  // Nothing loads from anywhere: the script and style are inline, allowed by their nonce only.
  const csp = `default-src 'none'; img-src ${cspSource} blob: data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 2em; }
  #pad { border: 2px dashed var(--vscode-focusBorder); border-radius: 6px; padding: 3em 2em; text-align: center; outline: none; }
  #status { margin-top: 1em; }
  #status.problem { color: var(--vscode-errorForeground); }
  .hint { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<div id="pad" tabindex="0">
  <h2>${escapeHtml(text.prompt)}</h2>
  <p class="hint">${escapeHtml(text.closeHint)}</p>
  <p id="status" role="status" aria-live="polite"></p>
</div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const status = document.getElementById('status');
  const say = (message, problem) => {
    status.textContent = message;
    status.className = problem ? 'problem' : '';
  };
  document.getElementById('pad').focus();
  // Another image type (JPEG, GIF, WebP, BMP) is drawn on a canvas and taken as PNG.
  const toPng = async (file) => {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
    );
  };
  document.addEventListener('paste', async (event) => {
    event.preventDefault();
    const item = [...(event.clipboardData?.items ?? [])].find(
      (each) => each.kind === 'file' && each.type.startsWith('image/'),
    );
    const file = item?.getAsFile();
    if (!file) {
      say(${JSON.stringify(text.notImage)}, true);
      return;
    }
    try {
      const png = file.type === 'image/png' ? file : await toPng(file);
      const bytes = new Uint8Array(await png.arrayBuffer());
      say(${JSON.stringify(text.received)}, false);
      vscode.postMessage({ type: 'image', bytes, name: file.name });
    } catch {
      say(${JSON.stringify(text.unreadable)}, true);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      vscode.postMessage({ type: 'cancel' });
    }
  });
</script>
</body>
</html>`;
}
