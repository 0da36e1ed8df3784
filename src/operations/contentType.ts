// The Content-Type an upload sends, from the file's name. No vscode import: unit-tested in plain Node.
import { posix } from 'node:path';
import { contentType } from 'mime-types';

/** What a file with no extension, or one mime-types does not know, is sent as. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/**
 * The Content-Type for a file named `name` (a base name), from its extension only, with a charset
 * for text types so browsers read public text objects right. mime-types takes a bare word for an
 * extension, so the whole name would make a file called `html` text/html and one called `exe` a
 * program; a name without an extension (`README`, and dotfiles such as `.bashrc`) is binary.
 */
export function contentTypeFor(name: string): string {
  const extension = posix.extname(name);
  return (extension !== '' && contentType(extension)) || DEFAULT_CONTENT_TYPE;
}
