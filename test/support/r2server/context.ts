// One request being served: parsed URL, authentication result, injected faults, and the helpers that
// read bodies (streamed and verified while they arrive) and write responses (XML, streams, errors).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Checksum } from './checksums';
import { checksumFor } from './checksums';
import { S3Error } from './errors';
import type { AppliedFaults } from './faults';
import type { Authentication } from './sigv4';
import { UNSIGNED_PAYLOAD } from './sigv4';
import type { QueryParam } from './uri';
import type { XmlElement, XmlNode } from './xml';
import { el, parseXml, toXmlDocument, XmlSyntaxError } from './xml';

export interface BodyDigest {
  size: number;
  md5: Buffer;
}

/** Request bodies parsed as XML are small; anything bigger is refused rather than buffered. */
const MAX_XML_BODY = 8 * 1024 * 1024;
const CHECKSUM_HEADER = /^x-amz-checksum-(crc32|crc32c|crc64nvme|sha1|sha256)$/;

class ConnectionCut extends Error {}

export class RequestContext {
  readonly requestId = randomBytes(8).toString('hex').toUpperCase();
  auth?: Authentication;
  faults: AppliedFaults = {};

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly rawPath: string,
    readonly query: QueryParam[],
  ) {}

  get method(): string {
    return this.req.method ?? 'GET';
  }

  /** A request header (lowercase name), including x-amz-* ones a presigned URL carries in its query. */
  header(name: string): string | undefined {
    const value = this.req.headers[name];
    return (Array.isArray(value) ? value.join(',') : value) ?? this.auth?.hoistedHeaders[name];
  }

  param(name: string): string | undefined {
    return this.query.find((p) => p.name === name)?.value;
  }

  /** Headers whose names start with a prefix, lowercased, including hoisted ones. */
  headersWithPrefix(prefix: string): Array<[string, string]> {
    const names = new Set([...Object.keys(this.req.headers), ...Object.keys(this.auth?.hoistedHeaders ?? {})]);
    return [...names].filter((n) => n.startsWith(prefix)).map((n) => [n, this.header(n) ?? '']);
  }

  /** Whether a body follows the headers (Content-Length above 0, or chunked transfer encoding). */
  hasBody(): boolean {
    return (this.contentLength() ?? 0) > 0 || this.req.headers['transfer-encoding'] !== undefined;
  }

  /** Content-Length as a number; undefined when absent (no body, or chunked transfer encoding). */
  contentLength(): number | undefined {
    const value = this.req.headers['content-length'];
    return value === undefined ? undefined : Number(value);
  }

  // ---- request bodies

  /** Whether the request carries Content-MD5 or an x-amz-checksum-* value for its body. */
  hasBodyChecksum(): boolean {
    return (
      this.req.headers['content-md5'] !== undefined ||
      Object.keys(this.req.headers).some((h) => CHECKSUM_HEADER.test(h))
    );
  }

  /** Streams the body into a file, verifying it; the file is removed if anything fails. */
  async receiveToFile(path: string): Promise<BodyDigest> {
    try {
      return await this.receive(createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /** Reads a small XML body, verifying it; throws MalformedXML when it does not parse. */
  async receiveXml(): Promise<XmlElement> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        chunks.push(chunk);
        done();
      },
    });
    await this.receive(sink, MAX_XML_BODY);
    try {
      return parseXml(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      if (error instanceof XmlSyntaxError) {
        throw new S3Error(
          'MalformedXML',
          `The XML you provided was not well-formed or did not validate against our published schema (${error.message}).`,
        );
      }
      throw error;
    }
  }

  /** Drops the connection now, as an injected cut of the request body does. */
  private cut(): never {
    this.req.socket.destroy();
    throw new ConnectionCut('connection cut by an injected fault');
  }

  private async receive(sink: Writable, limit = Infinity): Promise<BodyDigest> {
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    const checksumHeader = Object.keys(this.req.headers).find((h) => CHECKSUM_HEADER.test(h));
    const checksum: Checksum | undefined = checksumHeader ? checksumFor(checksumHeader) : undefined;
    const cutAfter = this.faults.cutRequest?.afterBytes;
    if (cutAfter === 0) {
      this.cut();
    }
    let size = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        if (size > limit) {
          done(new S3Error('MaxMessageLengthExceeded', 'Your request was too big.'));
          return;
        }
        md5.update(chunk);
        sha256.update(chunk);
        checksum?.update(chunk);
        if (cutAfter !== undefined && size >= cutAfter) {
          try {
            this.cut();
          } catch (error) {
            done(error as Error);
            return;
          }
        }
        done(null, chunk);
      },
    });
    await pipeline(this.req, meter, sink);
    const digest = { size, md5: md5.digest() };
    this.verifyDigests(sha256.digest('hex'), digest.md5, checksumHeader, checksum);
    return digest;
  }

  private verifyDigests(
    sha256: string,
    md5: Buffer,
    checksumHeader: string | undefined,
    checksum: Checksum | undefined,
  ): void {
    const claimed = this.auth?.payloadHash ?? UNSIGNED_PAYLOAD;
    if (claimed !== UNSIGNED_PAYLOAD && claimed !== sha256) {
      throw new S3Error(
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          ClientComputedContentSHA256: claimed,
          S3ComputedContentSHA256: sha256,
        },
      );
    }
    const contentMd5 = this.header('content-md5');
    if (contentMd5 !== undefined) {
      const expected = Buffer.from(contentMd5, 'base64');
      if (expected.length !== 16 || expected.toString('base64') !== contentMd5) {
        throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.');
      }
      if (!expected.equals(md5)) {
        throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.');
      }
    }
    if (checksumHeader && checksum && checksum.digest() !== this.header(checksumHeader)) {
      const algorithm = checksumHeader.slice('x-amz-checksum-'.length).toUpperCase();
      throw new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`);
    }
  }

  // ---- responses

  /** True once the response can no longer be written (sent, or the connection is gone). */
  get done(): boolean {
    return this.res.headersSent || this.res.destroyed || this.req.socket.destroyed;
  }

  /**
   * Sends a response. With a cutResponse fault the connection is dropped after the headers and part of
   * the body (always short of the whole), so the client sees a transfer that broke off.
   */
  async send(
    status: number,
    headers: OutgoingHttpHeaders,
    body?: Buffer | Readable,
    bodyLength?: number,
  ): Promise<void> {
    const res = this.res;
    const sent: OutgoingHttpHeaders = { 'x-amz-request-id': this.requestId, ...headers };
    if (this.faults.chunked && body !== undefined && this.method !== 'HEAD') {
      // Without a length, Node sends an HTTP/1.1 body chunked.
      delete sent['content-length'];
    }
    res.writeHead(status, sent);
    const cut = this.faults.cutResponse;
    const length = Buffer.isBuffer(body) ? body.length : (bodyLength ?? 0);
    if (cut) {
      await this.sendTruncated(body, Math.min(cut.afterBytes, Math.max(0, length - 1)));
      return;
    }
    if (body === undefined || this.method === 'HEAD') {
      res.end();
    } else if (Buffer.isBuffer(body)) {
      res.end(body);
    } else {
      await pipeline(body, res);
    }
  }

  private async sendTruncated(body: Buffer | Readable | undefined, limit: number): Promise<void> {
    const res = this.res;
    const write = (chunk: Buffer): Promise<void> => new Promise((resolve) => res.write(chunk, () => resolve()));
    res.flushHeaders();
    let sent = 0;
    if (body !== undefined && this.method !== 'HEAD' && limit > 0) {
      const source: Iterable<Buffer> | AsyncIterable<Buffer> = Buffer.isBuffer(body) ? [body] : body;
      for await (const chunk of source) {
        const part = chunk.subarray(0, limit - sent);
        await write(part);
        sent += part.length;
        if (sent >= limit) {
          break;
        }
      }
    }
    if (!Buffer.isBuffer(body)) {
      body?.destroy();
    }
    // Destroy only once what was written has reached the socket.
    await new Promise<void>((resolve) => res.socket?.write(Buffer.alloc(0), () => resolve()) ?? resolve());
    res.socket?.destroy();
  }

  async sendXml(status: number, root: XmlNode, headers: OutgoingHttpHeaders = {}): Promise<void> {
    const body = Buffer.from(toXmlDocument(root, root.name !== 'Error'));
    await this.send(status, { 'content-type': 'application/xml', 'content-length': body.length, ...headers }, body);
  }

  /** S3's error document; HEAD responses carry only the status, as S3's do. */
  async sendError(error: unknown): Promise<void> {
    if (this.done || error instanceof ConnectionCut) {
      this.res.destroy();
      return;
    }
    const s3 =
      error instanceof S3Error
        ? error
        : new S3Error('InternalError', `We encountered an internal error: ${String(error)}`);
    if (this.method === 'HEAD') {
      await this.send(s3.status, {});
      return;
    }
    const details = Object.entries(s3.details).map(([name, value]) => el(name, value));
    await this.sendXml(
      s3.status,
      el('Error', [
        el('Code', s3.code),
        el('Message', s3.message),
        ...details,
        el('Resource', this.rawPath),
        el('RequestId', this.requestId),
      ]),
    );
  }
}
