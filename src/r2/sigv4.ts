// AWS Signature Version 4 for the requests this layer signs itself (signedRequest.ts, directGet.ts):
// the headers @smithy/signature-v4, the SDK's signer, gives an S3 request (the tests compare the
// two), at a fifth of its CPU. That signer looks its signing key up behind an HMAC of the credentials
// and awaits each hash; a folder upload signs thousands of small PUTs, and loading it cost as much
// start-up as the rest of this layer.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Headers the SDK's signer leaves out of the signature (proxies and clients may change them). */
const UNSIGNED_HEADERS = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);
const UNSIGNED_PREFIX = /^(proxy|sec)-/;

function signed(name: string): boolean {
  return !UNSIGNED_HEADERS.has(name) && !UNSIGNED_PREFIX.test(name);
}

/** RFC 3986 as SigV4 wants it: encodeURIComponent, and !'()* too. */
export function encodeStrictly(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A header's value as signed: line breaks and runs of blanks become one space, ends trimmed. */
function canonicalValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

function canonicalQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([name, value]) => [encodeStrictly(name), encodeStrictly(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface RequestToSign {
  method: string;
  /** As sent, already encoded: S3 signs the path without the second encoding other services use. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names, with `host` and `x-amz-content-sha256` (the payload's hash). */
  headers: Record<string, string>;
}

/** Signs for one key pair, region and service; keeps the day's signing key. */
export class SigV4Signer {
  readonly #accessKeyId: string;
  readonly #secretAccessKey: string;
  readonly #region: string;
  readonly #service: string;
  /** The signing key depends on the day (UTC) besides the fixed secret, region and service. */
  #dayKey?: { day: string; key: Buffer };

  constructor(credentials: { accessKeyId: string; secretAccessKey: string }, region: string, service: string) {
    this.#accessKeyId = credentials.accessKeyId;
    this.#secretAccessKey = credentials.secretAccessKey;
    this.#region = region;
    this.#service = service;
  }

  /** The headers to send: the request's, with `x-amz-date` and `authorization` for `date`. */
  sign(request: RequestToSign, date: Date): Record<string, string> {
    const longDate = date
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    const day = longDate.slice(0, 8);
    const scope = `${day}/${this.#region}/${this.#service}/aws4_request`;
    const headers: Record<string, string> = { ...request.headers, 'x-amz-date': longDate };
    const names = Object.keys(headers).filter(signed).sort();
    const signedNames = names.join(';');
    const canonicalRequest = [
      request.method,
      request.path,
      canonicalQuery(request.query),
      ...names.map((name) => `${name}:${canonicalValue(headers[name])}`),
      '',
      signedNames,
      headers['x-amz-content-sha256'],
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
    const signature = createHmac('sha256', this.#signingKey(day)).update(stringToSign).digest('hex');
    headers.authorization = `${ALGORITHM} Credential=${this.#accessKeyId}/${scope}, SignedHeaders=${signedNames}, Signature=${signature}`;
    return headers;
  }

  #signingKey(day: string): Buffer {
    if (this.#dayKey?.day !== day) {
      let key: Buffer = Buffer.from(`AWS4${this.#secretAccessKey}`, 'utf8');
      for (const part of [day, this.#region, this.#service, 'aws4_request']) {
        key = createHmac('sha256', key).update(part).digest();
      }
      this.#dayKey = { day, key };
    }
    return this.#dayKey.key;
  }
}
