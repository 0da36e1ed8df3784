import * as vscode from 'vscode';

// Signatures and Authorization headers would let anyone replay a request: never log them.
const SECRET_PATTERNS: RegExp[] = [
  /(authorization["']?\s*[:=]\s*["']?)[^"',\n]+/gi,
  /(X-Amz-Signature=)[0-9a-f]+/gi,
  /(Signature=)[0-9a-f]+/gi,
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let redacted = SECRET_PATTERNS.reduce((current, pattern) => current.replace(pattern, '$1<redacted>'), text);
  for (const secret of secrets) {
    if (secret) {
      redacted = redacted.split(secret).join('<redacted>');
    }
  }
  return redacted;
}

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('R2 Explorer', { log: true });
}
