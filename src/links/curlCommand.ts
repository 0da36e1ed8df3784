// The curl command line that uses a presigned URL, for the notification's "Copy curl command".
// Pure: unit-tested without VS Code.
import type { PresignInput } from '../r2';

/** POSIX shell quoting: single quotes, with each ' written as '\''. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * GET downloads to `fileName`; PUT uploads the local `fileName` (sending the bound Content-Type, as
 * the signature requires it); HEAD prints the headers. The URL is always quoted: its & and ? are
 * the shell's otherwise.
 */
export function curlCommand(
  method: PresignInput['method'],
  url: string,
  fileName: string,
  contentType?: string,
): string {
  const quotedUrl = `'${url.replace(/'/g, `'\\''`)}'`;
  switch (method) {
    case 'GET':
      return `curl -o ${shellQuote(fileName)} ${quotedUrl}`;
    case 'PUT':
      return `curl -X PUT --upload-file ${shellQuote(fileName)}${contentType ? ` -H ${shellQuote(`Content-Type: ${contentType}`)}` : ''} ${quotedUrl}`;
    case 'HEAD':
      return `curl -I ${quotedUrl}`;
  }
}
