// Requests whose body and answer fit in memory, signed here and sent straight through Node's http,
// without the SDK: PUTs of small files, because building the SDK's middleware stack for every
// command was two thirds of the CPU of a small PUT (2.0 ms of it per PUT on loopback; 0.6 ms this
// way) and a folder upload is made of those; and the listings, so that browsing never loads the SDK
// (sdk.ts). Failures take the same classification as the SDK's (classifyError) and the same retry
// loop as streamed bodies (withRetries); the SDK still sends everything else.
import { createHash } from 'node:crypto';
import type { Agent as HttpAgent, ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ResolvedEndpoint } from './endpoint';
import type { ErrorContext } from './errors';
import { classifyError } from './errors';
import { withRetries } from './retry';
import { encodeStrictly, SigV4Signer } from './sigv4';

export interface SignedRequest {
  method: 'PUT' | 'GET' | 'DELETE';
  /** Absent for the service itself (ListBuckets). */
  bucket?: string;
  /** Absent for the bucket itself (ListObjectsV2). */
  key?: string;
  query?: Record<string, string>;
  /** Lower-case names; host, date, length, payload hash and signature are added here. */
  headers: Record<string, string>;
  body?: Buffer;
}

export interface SignedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** What a GET answered (a listing's XML); empty for a PUT. */
  body: Buffer;
}

export interface SignedSenderOptions {
  endpoint: ResolvedEndpoint;
  credentials: { accessKeyId: string; secretAccessKey: string };
  httpAgent: HttpAgent;
  httpsAgent: HttpAgent;
  maxAttempts: number;
  idleTimeoutMs: number;
  connectTimeoutMs: number;
  onRequest?: (operation: string) => void;
}

const EMPTY = Buffer.alloc(0);

/** Each key segment as the SDK writes it; slashes stay. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeStrictly).join('/');
}

function queryString(query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeStrictly(name)}=${encodeStrictly(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** Bucket names the SDK addresses as `bucket.host` when path style is off (no dots: TLS wildcards). */
const VIRTUAL_HOST_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export interface RequestTarget {
  protocol: string;
  hostname: string;
  port?: number;
  /** The Host header: the hostname, and the port unless it is the protocol's default. */
  host: string;
  path: string;
}

/**
 * Where a request for `key` in `bucket` goes: the host and path the SDK would address. Without a key
 * it is the bucket (`/bucket`, or `/` on the bucket's host); without a bucket, the service (`/`).
 */
export function requestTarget(endpoint: ResolvedEndpoint, bucket?: string, key?: string): RequestTarget {
  const base = new URL(endpoint.url);
  const basePath = base.pathname.replace(/\/$/, '');
  const virtualHost = bucket !== undefined && !endpoint.forcePathStyle && VIRTUAL_HOST_BUCKET.test(bucket);
  const object = key === undefined ? '' : `/${encodeKey(key)}`;
  const inBucket = virtualHost || bucket === undefined ? object : `/${bucket}${object}`;
  return {
    protocol: base.protocol,
    hostname: virtualHost ? `${bucket}.${base.hostname}` : base.hostname,
    port: base.port === '' ? undefined : Number(base.port),
    host: virtualHost ? `${bucket}.${base.host}` : base.host,
    path: `${basePath}${inBucket === '' ? '/' : inBucket}`,
  };
}

/** An S3 error response, in the shape classifyError reads from the SDK's errors: name and status. */
export function s3Failure(status: number, body: string): Error {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  return Object.assign(new Error(`HTTP ${status}${code === undefined ? '' : ` ${code}`}`), {
    name: code ?? 'S3Error',
    $metadata: { httpStatusCode: status },
  });
}

export function timeoutError(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT' });
}

/**
 * An error answer is read for its code, up to this much; so is a PUT's answer, then dropped. A GET's
 * answer (a page of at most 1,000 keys, a few hundred kB) is read whole.
 */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

function readResponse(response: IncomingMessage, keepBody: boolean): Promise<SignedResponse> {
  return new Promise((resolve, reject) => {
    const status = response.statusCode ?? 0;
    const success = status >= 200 && status < 300;
    const chunks: Buffer[] = [];
    let kept = 0;
    response.on('data', (chunk: Buffer) => {
      if (success ? keepBody : kept < MAX_ERROR_BODY_BYTES) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    // A response cut short fails with ECONNRESET ("aborted").
    response.once('error', reject);
    response.once('end', () => {
      const body = Buffer.concat(chunks);
      if (success) {
        resolve({ status, headers: response.headers, body });
      } else {
        reject(s3Failure(status, body.toString('utf8')));
      }
    });
  });
}

/** The connect and idle timeouts the SDK's handler applies, on one request. */
function applyTimeouts(request: ClientRequest, idleTimeoutMs: number, connectTimeoutMs: number): void {
  request.setTimeout(idleTimeoutMs, () => request.destroy(timeoutError('The connection was idle too long.')));
  request.once('socket', (socket) => {
    if (!socket.connecting) {
      return;
    }
    const timer = setTimeout(() => request.destroy(timeoutError('The connection took too long.')), connectTimeoutMs);
    const clear = () => clearTimeout(timer);
    socket.once('connect', clear);
    request.once('close', clear);
  });
}

/**
 * Asked for on every request, unsigned. Inside VS Code, http.request is wrapped for proxy support
 * ("http.proxySupport"): each request goes through an agent of VS Code's that is not keep-alive, so
 * Node would send "Connection: close" and every request would open a new connection (a TLS handshake
 * on R2). Asked for explicitly, the connection goes back to the pool of ours (or Node's global agent)
 * and is reused.
 */
export const KEEP_ALIVE = { connection: 'keep-alive' } as const;

/** Signs and sends in-memory requests for one endpoint; holds the credentials inside its signer. */
export class SignedSender {
  readonly #options: SignedSenderOptions;
  readonly #signer: SigV4Signer;
  /**
   * The server's clock minus ours, from every answer's Date header (unless a cache answered: Age), as
   * the SDK keeps it: a computer whose clock is off still signs requests the server accepts.
   */
  #clockOffsetMs = 0;

  constructor(options: SignedSenderOptions) {
    this.#options = options;
    this.#signer = new SigV4Signer(options.credentials, 'auto', 's3');
  }

  /** Sends `request` under `operation`'s name; every attempt is counted, every failure classified. */
  async send(
    operation: string,
    request: SignedRequest,
    context: ErrorContext,
    signal: AbortSignal,
  ): Promise<SignedResponse> {
    return await this.exchange(context, signal, async (signingDate) => {
      this.#options.onRequest?.(operation);
      return await this.#attempt(request, signingDate, signal);
    });
  }

  /**
   * Runs `attempt` (one request, signed for `signingDate`) until it succeeds, fails for good or has
   * used the client's attempts. A clock the server refused, once corrected from its answer, is
   * signed again at once, as the SDK does. Every failure leaves classified.
   */
  async exchange<T>(
    context: ErrorContext,
    signal: AbortSignal,
    attempt: (signingDate: Date) => Promise<T>,
  ): Promise<T> {
    return await withRetries(this.#options.maxAttempts, context, signal, async () => {
      for (let corrected = false; ; corrected = true) {
        const offset = this.#clockOffsetMs;
        try {
          return await attempt(new Date(Date.now() + offset));
        } catch (err) {
          const error = classifyError(err, context, signal);
          if (corrected || error.code !== 'ClockSkew' || this.#clockOffsetMs === offset) {
            throw error;
          }
        }
      }
    });
  }

  /** The headers to send, signature included: `headers` must hold the host and the payload's hash. */
  sign(
    method: string,
    target: RequestTarget,
    headers: Record<string, string>,
    signingDate: Date,
    query: Record<string, string> = {},
  ): Record<string, string> {
    return this.#signer.sign({ method, path: target.path, query, headers }, signingDate);
  }

  /** Learns the server's clock from an answer's headers (see #clockOffsetMs). */
  sampleClock(headers: { date?: string; age?: string }): void {
    const serverTime = headers.date === undefined || headers.age !== undefined ? NaN : Date.parse(headers.date);
    if (!Number.isNaN(serverTime)) {
      this.#clockOffsetMs = serverTime - Date.now();
    }
  }

  async #attempt(
    { method, bucket, key, query = {}, headers, body = EMPTY }: SignedRequest,
    signingDate: Date,
    signal: AbortSignal,
  ): Promise<SignedResponse> {
    const { endpoint, httpAgent, httpsAgent, idleTimeoutMs, connectTimeoutMs } = this.#options;
    const target = requestTarget(endpoint, bucket, key);
    const signedHeaders = this.sign(
      method,
      target,
      {
        ...headers,
        host: target.host,
        ...(method === 'PUT' ? { 'content-length': String(body.length) } : {}),
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
      signingDate,
      query,
    );
    const https = target.protocol === 'https:';
    return await new Promise<SignedResponse>((resolve, reject) => {
      const request = (https ? httpsRequest : httpRequest)(
        {
          agent: https ? httpsAgent : httpAgent,
          // Said, not left to be guessed: inside VS Code the request goes through its proxy agent,
          // which otherwise reads http or https from a stack trace of every request (agent-base's
          // isSecureEndpoint: 122 ms of CPU in a 2,000-file upload on the extension host's main thread).
          protocol: target.protocol,
          method,
          // Node takes an IPv6 address without the URL's brackets.
          hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: target.port,
          path: `${target.path}${queryString(query)}`,
          headers: { ...signedHeaders, ...KEEP_ALIVE },
          signal,
        },
        (response) => {
          this.sampleClock(response.headers);
          readResponse(response, method === 'GET').then(resolve, reject);
        },
      );
      applyTimeouts(request, idleTimeoutMs, connectTimeoutMs);
      request.once('error', reject);
      request.end(method === 'PUT' ? body : undefined);
    });
  }
}
