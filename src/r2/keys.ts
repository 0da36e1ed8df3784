// Object keys are opaque UTF-8 strings: `..`, `//`, a leading `/` are all legal and never paths.
import { R2Error } from './errors';
import type { ErrorContext } from './errors';

const MAX_KEY_BYTES = 1024;

export function isValidKey(key: string): boolean {
  return key !== '' && Buffer.byteLength(key, 'utf8') <= MAX_KEY_BYTES;
}

export function checkKey(key: string, context: ErrorContext): void {
  if (!isValidKey(key)) {
    throw new R2Error('InvalidKey', context);
  }
}

/**
 * Orders keys as R2 and S3 list them: by their UTF-8 bytes. JavaScript's `<` compares UTF-16 units,
 * which puts an emoji (a surrogate pair) before U+E000–U+FFFF, where its bytes sort after.
 */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

// Folders are key prefixes that end with `/`; the bucket's root is the prefix ''. These helpers are
// the one place that splits or joins keys, so a key such as `a//b` or `/lead` means the same
// everywhere: segments are what lies between slashes, empty ones included.

/** Whether `key` names a folder (a prefix ending with `/`, or the bucket's root) rather than an object. */
export function isFolderKey(key: string): boolean {
  return key === '' || key.endsWith('/');
}

/** The folder prefix for `key`: `a/b` → `a/b/`; a folder prefix and the root '' stay as they are. */
export function folderPrefix(key: string): string {
  return isFolderKey(key) ? key : `${key}/`;
}

/** The prefix of the folder holding an object or folder: `a/b/c.txt` → `a/b/`, `a/b/` → `a/`, `c` → ''. */
export function parentPrefix(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith('/') ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/** The last segment of an object or folder, without a folder's slash: `a/b.txt` → `b.txt`, `a/b/` → `b`. */
export function baseName(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith('/') ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The prefix of folder `name` inside the folder `parent` (a prefix, '' for the root): `a/` + `b` → `a/b/`. */
export function childPrefix(parent: string, name: string): string {
  return `${parent}${name}/`;
}

/** The key that `key`, found under `fromPrefix`, has under `toPrefix`: a moved folder's objects keep their place in it. */
export function rebaseKey(key: string, fromPrefix: string, toPrefix: string): string {
  if (!key.startsWith(fromPrefix)) {
    throw new RangeError(`${key} is not under ${fromPrefix}`);
  }
  return toPrefix + key.slice(fromPrefix.length);
}

/**
 * The `x-amz-copy-source` header value: bucket and key percent-encoded per segment, so that keys with
 * spaces, `+`, `%`, `#`, `?` or unicode name the right object. Slashes stay literal separators.
 */
export function encodeCopySource(bucket: string, key: string): string {
  return `${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Decodes a key from a listing made with `EncodingType=url`. AWS writes a space as `+` and RGW as
 * `%20`; both write a literal `+` as `%2B`, so a bare `+` is always a space.
 */
export function decodeListedKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** ETags travel quoted in headers; callers hold them unquoted. */
export function quoteEtag(etag: string): string {
  return etag.startsWith('"') ? etag : `"${etag}"`;
}

export function unquoteEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^"(.*)"$/, '$1');
}
