// Percent-encoding as SigV4 and S3 define it. Decoding works on bytes so that a segment which is not
// valid UTF-8 still canonicalizes the same way the client signed it.

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function percentDecodeToBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = text.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  return Buffer.from(bytes);
}

function encodeBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** SigV4 URI-encoding of a string: everything but unreserved characters, uppercase hex. */
export function uriEncode(text: string): string {
  return encodeBytes(Buffer.from(text, 'utf8'));
}

/** Re-encodes an already percent-encoded component canonically (decode once, encode once). */
export function canonicalizeEncoded(raw: string): string {
  // Most components need no work; this path keeps signature checks cheap for them.
  return /^[A-Za-z0-9\-._~]*$/.test(raw) ? raw : encodeBytes(percentDecodeToBytes(raw));
}

/** Canonical URI for S3: each path segment decoded once and encoded once; no dot-segment removal. */
export function canonicalPath(rawPath: string): string {
  return rawPath.split('/').map(canonicalizeEncoded).join('/');
}

export interface QueryParam {
  /** The name and value as sent, still percent-encoded (the signature covers these). */
  rawName: string;
  rawValue: string;
  name: string;
  value: string;
}

/** Decodes a URI component; undefined when it is not valid percent-encoded UTF-8. */
export function tryDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Splits a raw query string. `+` stays a literal plus: SigV4 clients encode spaces as %20, and treating
 * `+` as a space would make the server's view of a value differ from the signed one.
 */
export function parseQuery(rawQuery: string): QueryParam[] | undefined {
  const params: QueryParam[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') {
      continue;
    }
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const name = tryDecode(rawName);
    const value = tryDecode(rawValue);
    if (name === undefined || value === undefined) {
      return undefined;
    }
    params.push({ rawName, rawValue, name, value });
  }
  return params;
}

/**
 * Encoding used for `encoding-type=url` listings: like uriEncode but keeping `/`, so both
 * decodeURIComponent and Python's unquote_plus (botocore) recover the key (spaces are %20, `+` is %2B).
 */
export function urlEncodeKey(key: string): string {
  return uriEncode(key).replace(/%2F/g, '/');
}
