// AWS Signature Version 4 verification, header and presigned-query forms, as strict as R2 and AWS:
// every x-amz-* header must be signed, the scope must name s3 and an R2 region, clocks may differ by
// at most 15 minutes, presigned URLs live at most 7 days.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { S3Error } from './errors';
import type { QueryParam } from './uri';
import { canonicalizeEncoded, canonicalPath } from './uri';

export interface R2Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Buckets this key may use; undefined makes it an admin key (ListBuckets, CreateBucket, ...). */
  buckets?: string[];
  /** Read-only keys are refused every write, as R2's "Read only" tokens are. */
  readOnly?: boolean;
}

export interface SignedRequest {
  method: string;
  rawPath: string;
  query: QueryParam[];
  headers: IncomingHttpHeaders;
}

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface Authentication {
  credential: R2Credential;
  /** Hex SHA-256 the body must have, or UNSIGNED_PAYLOAD. */
  payloadHash: string;
  /** x-amz-* parameters a presigner moved from headers into the query; they act as headers. */
  hoistedHeaders: Record<string, string>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
/** R2 signs with region `auto`; `us-east-1` and the empty string are accepted as aliases. */
const REGIONS = new Set(['auto', 'us-east-1', '']);
const QUERY_AUTH_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
]);

type MalformedCode = 'AuthorizationHeaderMalformed' | 'AuthorizationQueryParametersError';

interface Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20240102T030405Z` → epoch ms, or undefined. */
function parseAmzDate(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

function parseScope(credential: string, amzDate: string, code: MalformedCode): Scope {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw new S3Error(code, `Malformed credential "${credential}": expected <key>/<date>/<region>/s3/aws4_request.`);
  }
  const [accessKeyId, date, region, service] = parts;
  if (date !== amzDate.slice(0, 8)) {
    throw new S3Error(code, `Invalid credential date "${date}": it is not the date of X-Amz-Date (${amzDate}).`);
  }
  if (service !== 's3') {
    throw new S3Error(code, `The credential scope names service "${service}"; expected "s3".`);
  }
  if (!REGIONS.has(region)) {
    throw new S3Error(code, `The region "${region}" is not valid; expected "auto" (aliases: "us-east-1", "").`, {
      Region: region,
    });
  }
  return { accessKeyId, date, region, service };
}

function canonicalQuery(query: QueryParam[], omitSignature: boolean): string {
  return query
    .filter((p) => !(omitSignature && p.name === 'X-Amz-Signature'))
    .map((p) => [canonicalizeEncoded(p.rawName), canonicalizeEncoded(p.rawValue)])
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

function checkSignedHeaders(request: SignedRequest, signed: string[], code: MalformedCode): void {
  if (signed.length === 0 || signed.some((h) => h !== h.toLowerCase())) {
    throw new S3Error(code, 'SignedHeaders must be a non-empty, lowercase, semicolon-separated list.');
  }
  if (!signed.includes('host')) {
    throw new S3Error('AccessDenied', 'The host header must be signed.');
  }
  const unsigned = Object.keys(request.headers).filter((h) => h.startsWith('x-amz-') && !signed.includes(h));
  if (unsigned.length > 0) {
    throw new S3Error('AccessDenied', 'There were headers present in the request which were not signed', {
      HeadersNotSigned: unsigned.join(', '),
    });
  }
}

function verifySignature(
  request: SignedRequest,
  scope: Scope,
  amzDate: string,
  signed: string[],
  payloadHash: string,
  secret: string,
  signature: string,
  presigned: boolean,
): void {
  const canonicalHeaders = signed
    .map((h) => `${h}:${(headerValue(request.headers, h) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    canonicalPath(request.rawPath),
    canonicalQuery(request.query, presigned),
    canonicalHeaders,
    signed.join(';'),
    payloadHash,
  ].join('\n');
  const scopeString = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scopeString, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, scope.date), scope.region), scope.service), 'aws4_request');
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      {
        AWSAccessKeyId: scope.accessKeyId,
        StringToSign: stringToSign,
        CanonicalRequest: canonicalRequest,
      },
    );
  }
}

function checkPayloadHashHeader(value: string | undefined): string {
  if (value === undefined) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (value.startsWith('STREAMING-')) {
    // aws-chunked bodies only appear when flexible checksums are on; the client is configured with
    // WHEN_REQUIRED, so refusing them keeps such a misconfiguration visible (Ceph RGW refuses them too).
    throw new S3Error(
      'NotImplemented',
      `x-amz-content-sha256 "${value}" (aws-chunked upload) is not supported by this server.`,
    );
  }
  if (value !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(value)) {
    throw new S3Error(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a lowercase hex SHA-256 value.',
    );
  }
  return value;
}

function authenticateHeader(
  request: SignedRequest,
  authorization: string,
  lookup: (id: string) => R2Credential | undefined,
  now: number,
): Authentication {
  const code = 'AuthorizationHeaderMalformed';
  const m = /^AWS4-HMAC-SHA256 (.+)$/.exec(authorization);
  if (!m) {
    throw new S3Error('InvalidArgument', 'Unsupported Authorization type: only AWS4-HMAC-SHA256 is accepted.');
  }
  const fields = new Map<string, string>();
  for (const part of m[1].split(',')) {
    const eq = part.indexOf('=');
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    throw new S3Error(code, 'The authorization header is malformed: it needs Credential, SignedHeaders and Signature.');
  }
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const time = parseAmzDate(amzDate);
  if (amzDate === undefined || time === undefined) {
    throw new S3Error('AccessDenied', 'AWS authentication requires a valid x-amz-date header.');
  }
  const scope = parseScope(credential, amzDate, code);
  const found = lookup(scope.accessKeyId);
  if (!found) {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: scope.accessKeyId,
    });
  }
  if (Math.abs(now - time) > MAX_SKEW_MS) {
    throw new S3Error(
      'RequestTimeTooSkewed',
      'The difference between the request time and the server time is too large.',
      {
        RequestTime: amzDate,
        ServerTime: new Date(now).toISOString(),
        MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
      },
    );
  }
  const payloadHash = checkPayloadHashHeader(headerValue(request.headers, 'x-amz-content-sha256'));
  const signed = signedHeaders.split(';');
  checkSignedHeaders(request, signed, code);
  verifySignature(request, scope, amzDate, signed, payloadHash, found.secretAccessKey, signature, false);
  return { credential: found, payloadHash, hoistedHeaders: {} };
}

function authenticateQuery(
  request: SignedRequest,
  lookup: (id: string) => R2Credential | undefined,
  now: number,
): Authentication {
  const code = 'AuthorizationQueryParametersError';
  const param = (name: string): string => {
    const p = request.query.find((q) => q.name === name);
    if (p === undefined) {
      throw new S3Error(code, `Query-string authentication requires the ${name} parameter.`);
    }
    return p.value;
  };
  if (param('X-Amz-Algorithm') !== ALGORITHM) {
    throw new S3Error(code, `X-Amz-Algorithm only supports "${ALGORITHM}".`);
  }
  const amzDate = param('X-Amz-Date');
  const time = parseAmzDate(amzDate);
  if (time === undefined) {
    throw new S3Error(code, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
  }
  const expiresText = param('X-Amz-Expires');
  const expires = /^\d+$/.test(expiresText) ? Number(expiresText) : NaN;
  if (Number.isNaN(expires)) {
    throw new S3Error(code, 'X-Amz-Expires should be a number.');
  }
  if (expires > MAX_PRESIGN_SECONDS) {
    throw new S3Error(code, `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_SECONDS}.`);
  }
  const scope = parseScope(param('X-Amz-Credential'), amzDate, code);
  const signed = param('X-Amz-SignedHeaders').split(';');
  const signature = param('X-Amz-Signature');
  const found = lookup(scope.accessKeyId);
  if (!found) {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: scope.accessKeyId,
    });
  }
  if (time - now > MAX_SKEW_MS) {
    throw new S3Error('AccessDenied', 'Request is not valid yet.');
  }
  if (now > time + expires * 1000) {
    throw new S3Error('AccessDenied', 'Request has expired', {
      'X-Amz-Expires': expiresText,
      Expires: new Date(time + expires * 1000).toISOString(),
      ServerTime: new Date(now).toISOString(),
    });
  }
  checkSignedHeaders(request, signed, code);
  const headerHash = headerValue(request.headers, 'x-amz-content-sha256');
  const payloadHash = headerHash === undefined ? UNSIGNED_PAYLOAD : checkPayloadHashHeader(headerHash);
  verifySignature(request, scope, amzDate, signed, payloadHash, found.secretAccessKey, signature, true);
  const hoistedHeaders: Record<string, string> = {};
  for (const p of request.query) {
    const name = p.name.toLowerCase();
    if (name.startsWith('x-amz-') && !QUERY_AUTH_PARAMS.has(name)) {
      hoistedHeaders[name] = p.value;
    }
  }
  return { credential: found, payloadHash, hoistedHeaders };
}

/** Verifies a request's SigV4 signature; throws the S3Error R2 would answer with. */
export function authenticate(
  request: SignedRequest,
  lookup: (id: string) => R2Credential | undefined,
  now = Date.now(),
): Authentication {
  const authorization = headerValue(request.headers, 'authorization');
  const presigned = request.query.some((p) => p.name === 'X-Amz-Algorithm' || p.name === 'X-Amz-Signature');
  if (authorization !== undefined && presigned) {
    throw new S3Error(
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.',
    );
  }
  if (authorization !== undefined) {
    return authenticateHeader(request, authorization, lookup, now);
  }
  if (presigned) {
    return authenticateQuery(request, lookup, now);
  }
  throw new S3Error('AccessDenied', 'Access Denied: the request is not signed.');
}
