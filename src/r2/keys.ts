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
