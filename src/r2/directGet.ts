// Download GETs sent without node:http and the SDK: signed by the client's signer (the same key,
// clock correction, retries and request counting as the lean PUT), sent on connections of their own
// (directConnection.ts), each body read into reused buffers and written straight into the file.
// Every answer this path does not follow is sent again through the SDK, and so is every request of
// a client whose direct connection could not be made: see R2ClientOptions.directDownloads.
import type { DirectAddress, DirectTimeouts } from './directConnection';
import { ConnectFailed, DirectConnection, UnexpectedResponse } from './directConnection';
import type { ResolvedEndpoint } from './endpoint';
import type { ErrorContext } from './errors';
import { classifyError, isR2Error } from './errors';
import { checkKey, quoteEtag, unquoteEtag } from './keys';
import type { GetObjectInput } from './objects';
import { rangeHeader, totalSize } from './objects';
import type { OpenedRange } from './rangeReader';
import type { ResponseHead } from './responseHead';
import type { RequestTarget, SignedSender } from './signedRequest';
import { MAX_ERROR_BODY_BYTES, requestTarget, s3Failure } from './signedRequest';
import type { R2ObjectHead } from './types';

/** SHA-256 of no bytes: a GET's payload. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Not for this path: the caller sends the request through the SDK. */
const VIA_SDK = Symbol('viaSdk');

export interface DirectGetOptions extends DirectTimeouts {
  endpoint: ResolvedEndpoint;
  /** Signs, keeps the server's clock and retries, for the lean PUT too. */
  sender: SignedSender;
  /** Idle connections kept per host, as the SDK's agents keep theirs. */
  maxIdle: number;
  onRequest?: (operation: string) => void;
}

function addressOf(target: RequestTarget): DirectAddress {
  const https = target.protocol === 'https:';
  return { https, host: target.hostname.replace(/^\[(.*)\]$/, '$1'), port: target.port ?? (https ? 443 : 80) };
}

/** The object's head as the SDK reads it from a GetObject's headers (see objects.ts toHead). */
function headOf(key: string, headers: Record<string, string>, size: number): R2ObjectHead {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-')) {
      metadata[name.slice('x-amz-meta-'.length)] = value;
    }
  }
  const lastModified = headers['last-modified'];
  return {
    key,
    size,
    etag: unquoteEtag(headers.etag),
    lastModified: lastModified === undefined ? new Date(0) : new Date(lastModified),
    storageClass: headers['x-amz-storage-class'],
    contentType: headers['content-type'],
    cacheControl: headers['cache-control'],
    contentDisposition: headers['content-disposition'],
    contentEncoding: headers['content-encoding'],
    metadata,
  };
}

/** One client's direct GETs: its idle connections, by host, and whether it still sends them. */
export class DirectGets {
  readonly #options: DirectGetOptions;
  #on = true;
  #keepIdle = true;
  readonly #idle = new Map<string, DirectConnection[]>();
  readonly #connections = new Set<DirectConnection>();

  constructor(options: DirectGetOptions) {
    this.#options = options;
  }

  /** False once a connection could not be made or an answer was not one to follow. */
  get on(): boolean {
    return this.#on;
  }

  /** The GET, with its head read; undefined when it is for the SDK to send. */
  async get(input: GetObjectInput, signal: AbortSignal): Promise<OpenedRange | undefined> {
    if (!this.#on) {
      return undefined;
    }
    const { bucket, key } = input;
    const context = { operation: 'GetObject', bucket, key };
    checkKey(key, context);
    const headers: Record<string, string> = { 'x-amz-content-sha256': EMPTY_SHA256 };
    const range = rangeHeader(input.range, context);
    const conditions = { range, 'if-match': input.ifMatch, 'if-none-match': input.ifNoneMatch };
    for (const [name, value] of Object.entries(conditions)) {
      if (value !== undefined) {
        headers[name] = name === 'range' ? value : quoteEtag(value);
      }
    }
    // node:http refuses a header that would split the request; through the SDK, it still does.
    if (Object.values(headers).some((value) => /[\r\n]/.test(value))) {
      return undefined;
    }
    try {
      const opened = await this.#options.sender.exchange(context, signal, (signingDate) =>
        this.#attempt(input, headers, signingDate, context, signal),
      );
      return opened === VIA_SDK ? undefined : opened;
    } catch (err) {
      // S3 refuses every range of an empty object (416), as getObjectStream knows too.
      if (input.range?.start === 0 && isR2Error(err, 'InvalidRange')) {
        return await this.get({ ...input, range: undefined }, signal);
      }
      throw err;
    }
  }

  async #attempt(
    { bucket, key }: GetObjectInput,
    headers: Record<string, string>,
    signingDate: Date,
    context: ErrorContext,
    signal: AbortSignal,
  ): Promise<OpenedRange | typeof VIA_SDK> {
    const target = requestTarget(this.#options.endpoint, bucket, key);
    const address = addressOf(target);
    let connection = this.#takeIdle(address);
    if (connection === undefined) {
      try {
        connection = await DirectConnection.open(address, this.#options, signal);
      } catch (err) {
        return this.#offOn(err);
      }
      this.#connections.add(connection);
    }
    const signed = this.#options.sender.sign('GET', target, { ...headers, host: target.host }, signingDate);
    const lines = Object.entries(signed).map(([name, value]) => `${name}: ${value}\r\n`);
    this.#options.onRequest?.('GetObject');
    let answer: ResponseHead;
    try {
      answer = await connection.request(`GET ${target.path} HTTP/1.1\r\n${lines.join('')}\r\n`, signal);
    } catch (err) {
      this.#drop(connection);
      return this.#offOn(err);
    }
    this.#options.sender.sampleClock(answer.headers);
    const { status, bodyLength } = answer;
    if (status === 200 || status === 206) {
      return this.#opened(connection, key, answer, context);
    }
    if ((status === 304 || status >= 400) && bodyLength <= MAX_ERROR_BODY_BYTES) {
      const body = await connection.readBody(signal).catch((err: unknown) => {
        this.#drop(connection);
        throw err;
      });
      this.#release(connection);
      // A 4xx without S3's error code is someone else's answer (a proxy's, say): the SDK's to read.
      if (status === 304 || status === 412 || status >= 500 || /<Code>[^<]+<\/Code>/.test(body)) {
        throw s3Failure(status, body);
      }
    } else {
      this.#drop(connection);
    }
    this.#on = false;
    return VIA_SDK;
  }

  /** A failure to connect, or an answer not to follow, turns this path off; anything else is thrown. */
  #offOn(err: unknown): typeof VIA_SDK {
    if (err instanceof ConnectFailed || err instanceof UnexpectedResponse) {
      this.#on = false;
      return VIA_SDK;
    }
    throw err;
  }

  #opened(connection: DirectConnection, key: string, answer: ResponseHead, context: ErrorContext): OpenedRange {
    const { headers, bodyLength } = answer;
    return {
      head: headOf(key, headers, totalSize(headers['content-range'], bodyLength)),
      contentLength: bodyLength,
      body: {
        writeTo: async (file, position, onWritten, signal) => {
          try {
            await connection.writeBody(file, position, onWritten, signal);
          } catch (err) {
            this.#drop(connection);
            throw classifyError(err, context, signal);
          }
          this.#release(connection);
        },
        discard: () => this.#drop(connection),
      },
    };
  }

  #takeIdle(address: DirectAddress): DirectConnection | undefined {
    const idle = this.#idle.get(hostKey(address)) ?? [];
    for (let connection = idle.pop(); connection !== undefined; connection = idle.pop()) {
      if (connection.alive) {
        connection.unpark();
        return connection;
      }
    }
    return undefined;
  }

  /** Back to the idle ones for the next request, or closed when it cannot carry one. */
  #release(connection: DirectConnection): void {
    const key = hostKey(connection.address);
    const idle = this.#idle.get(key) ?? [];
    if (!connection.reusable || !this.#keepIdle || idle.length >= this.#options.maxIdle) {
      this.#drop(connection);
      return;
    }
    this.#idle.set(key, idle);
    idle.push(connection);
    connection.park(() => {
      const at = idle.indexOf(connection);
      if (at >= 0) {
        idle.splice(at, 1);
      }
      this.#connections.delete(connection);
    });
  }

  #drop(connection: DirectConnection): void {
    connection.destroy();
    this.#connections.delete(connection);
  }

  /** Closes the idle connections and keeps no more: the requests running finish. */
  retire(): void {
    this.#keepIdle = false;
    for (const idle of this.#idle.values()) {
      idle.splice(0).forEach((connection) => this.#drop(connection));
    }
  }

  /** Closes every connection now, cutting the requests running on them. */
  destroy(): void {
    this.retire();
    this.#connections.forEach((connection) => this.#drop(connection));
  }
}

function hostKey(address: DirectAddress): string {
  return `${address.https ? 'https' : 'http'}://${address.host}:${address.port}`;
}
