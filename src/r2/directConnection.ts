// One connection of the direct GET (directGet.ts): a socket, TLS for https, that reads every answer
// into two buffers of its own, reused from response to response. A downloaded byte then costs a
// read into memory already held and a share of one positional write, where node:http made a Buffer
// per 64 KiB chunk and ran it through its parser and stream layers: those alone took 1.44 CPU-s per
// GiB on loopback (README "Performance").
import type { FileHandle } from 'node:fs/promises';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { ResponseHead } from './responseHead';
import { parseResponseHead } from './responseHead';
import { timeoutError } from './signedRequest';

/**
 * Each of the two buffers; also the size of every file write but a body's last. Measured on Linux
 * 6.18 (ext4, a 1 GiB download, 6 alternating runs each): with writes of 512 KiB or 1 MiB the
 * kernel spent 1.8 to 2.0 CPU-s per GiB, with 64 to 256 KiB 0.9 to 1.1 (the least at 256 KiB); below
 * 256 KiB the extra writes cost more than that saves.
 */
const BUFFER_BYTES = 256 * 1024;
/**
 * Room past a full buffer. Asking the socket to stop reading is not immediate over TLS: what is
 * already decrypted still arrives (up to one 64 KiB read of the connection), and lands here.
 */
const LATE_BYTES = 64 * 1024;
/** A longer head is not an S3 answer (node:http allows 16 KiB). */
const MAX_HEAD_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');

export interface DirectAddress {
  https: boolean;
  /** A name or an IP address, without an IPv6 address's brackets. */
  host: string;
  port: number;
}

export interface DirectTimeouts {
  connectTimeoutMs: number;
  /** A request fails when no bytes have moved for this long. */
  idleTimeoutMs: number;
}

/** The connection could not be made (name lookup, refused, unreachable, timed out, TLS handshake): nothing was sent. */
export class ConnectFailed extends Error {
  override readonly name = 'ConnectFailed';
}

/** An answer this reader does not follow (see responseHead.ts): the request may be sent another way. */
export class UnexpectedResponse extends Error {
  override readonly name = 'UnexpectedResponse';
}

function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

const closedEarly = () => codedError('The connection closed before the answer ended.', 'ECONNRESET');

/** Writes `bytes` of `buffer` at `position`; a short write (rare on a file) is continued. */
async function writeFully(file: FileHandle, buffer: Buffer, bytes: number, position: number): Promise<void> {
  for (let done = 0; done < bytes;) {
    const { bytesWritten } = await file.write(buffer, done, bytes - done, position + done);
    if (bytesWritten === 0) {
      throw codedError('The file took no more bytes.', 'EIO');
    }
    done += bytesWritten;
  }
}

/**
 * Called with the bytes each read added; returns whether more are wanted (false asks the socket to
 * stop reading: a body waits for its reader, a full buffer for the disk).
 */
type Reader = (bytes: number) => boolean;

export class DirectConnection {
  readonly #buffers = [Buffer.allocUnsafe(BUFFER_BYTES + LATE_BYTES), Buffer.allocUnsafe(BUFFER_BYTES + LATE_BYTES)];
  /** Where bytes go that have no room: they end the connection. Never empty (see #slot). */
  readonly #overflow = Buffer.alloc(1024);
  /** Which buffer reads fill, and how many bytes it holds. */
  #current = 0;
  #filled = 0;
  /** Buffers being written to the file. */
  readonly #writing = [false, false];
  /** The current buffer is full and waits for the other's write to end before its own starts. */
  #flushWaiting = false;
  /** Between exchanges nothing may arrive: the server answers only what was asked. */
  readonly #idleReader: Reader = () => this.#refuse('bytes no request asked for');
  #reader: Reader = this.#idleReader;
  /** Whether the last read (or resume) asked for more: the server closing then cuts something short. */
  #wanting = true;
  /** Body bytes of the last response head. */
  #bodyLength = 0;
  #keepAlive = true;
  /** The server closed the connection: what was read can still be used. */
  #closed = false;
  #failure: Error | undefined;
  /** The current exchange's reaction to a failure. */
  #onFailure: ((error: Error) => void) | undefined;
  #onClosed: (() => void) | undefined;
  readonly #idleTimeoutMs: number;
  readonly #socket: net.Socket;

  private constructor(
    readonly address: DirectAddress,
    idleTimeoutMs: number,
  ) {
    this.#idleTimeoutMs = idleTimeoutMs;
    const { host, port } = address;
    const options: net.TcpNetConnectOpts = {
      host,
      port,
      onread: {
        buffer: () => this.#slot(),
        callback: (bytes: number, landed: Uint8Array) => this.#read(bytes, landed),
      },
    };
    // Through the modules' own objects, so that whatever VS Code adds to tls.connect (the system's
    // certificates) applies here as it does to https. tls.connect takes `onread` as net.connect
    // does (documented, not yet in @types/node). SNI takes a name, never an address.
    this.#socket = address.https
      ? tls.connect({ ...options, servername: net.isIP(host) === 0 ? host : undefined })
      : net.connect(options);
    this.#socket.setNoDelay(true);
    this.#socket.on('error', (error) => this.#fail(error));
    this.#socket.on('end', () => this.#serverClosed());
    this.#socket.on('close', () => this.#serverClosed());
    this.#socket.on('timeout', () => this.#fail(timeoutError('The connection was idle too long.')));
  }

  /** Connects, or fails with ConnectFailed (or with the signal's abort). */
  static async open(address: DirectAddress, timeouts: DirectTimeouts, signal: AbortSignal): Promise<DirectConnection> {
    const connection = new DirectConnection(address, timeouts.idleTimeoutMs);
    const socket = connection.#socket;
    const timer = setTimeout(
      () => connection.#fail(timeoutError('The connection took too long.')),
      timeouts.connectTimeoutMs,
    );
    try {
      await connection.#exchange(signal, (resolve) => {
        socket.once(address.https ? 'secureConnect' : 'connect', () => resolve(undefined));
      });
    } catch (error) {
      throw signal.aborted ? error : new ConnectFailed((error as Error).message, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    return connection;
  }

  get alive(): boolean {
    return this.#failure === undefined && !this.#closed;
  }

  /** Whether it can carry another request: the last body was read whole and neither side is closing. */
  get reusable(): boolean {
    return this.alive && this.#keepAlive && this.#reader === this.#idleReader;
  }

  /**
   * Sends a request head and reads the answer's head. The body then waits, unread, for `writeBody`
   * or `readBody`. Fails with UnexpectedResponse on an answer this reader does not follow.
   */
  async request(head: string, signal: AbortSignal): Promise<ResponseHead> {
    let scanned = 0;
    return await this.#exchange(signal, (resolve, fail) => {
      this.#reader = () => {
        const buffer = this.#buffers[this.#current];
        const end = buffer.subarray(0, this.#filled).indexOf(HEAD_END, Math.max(0, scanned - 3));
        scanned = this.#filled;
        if (end < 0) {
          return this.#filled < MAX_HEAD_BYTES || this.#refuse('a response head longer than 64 KiB');
        }
        const parsed = parseResponseHead(buffer.toString('latin1', 0, end));
        if (parsed === undefined) {
          return this.#refuse('a response head this reader does not follow');
        }
        // The body's first bytes came with the head: they move to the front of the buffer, and
        // those that arrive before the body's reader join them.
        const bodyStart = end + HEAD_END.length;
        buffer.copyWithin(0, bodyStart, this.#filled);
        this.#filled -= bodyStart;
        this.#bodyLength = parsed.bodyLength;
        this.#keepAlive = parsed.keepAlive;
        this.#reader = () => false;
        resolve(parsed);
        return false;
      };
      this.#socket.write(head, (error) => {
        if (error) {
          fail(error);
        }
      });
      this.#wantMore();
    });
  }

  /**
   * Writes the body into the file from `position`, one buffer at a time while the other fills.
   * `onWritten` hears each write once it is in the file; on a failure the writes under way finish
   * first, so the bytes counted are exactly the bytes written.
   */
  async writeBody(
    file: FileHandle,
    position: number,
    onWritten: (bytes: number) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const length = this.#bodyLength;
    let handedOut = 0;
    let complete = false;
    let failure: Error | undefined;
    return await this.#exchange<void>(signal, (resolve, fail) => {
      const settle = () => {
        if (this.#writing[0] || this.#writing[1] || this.#flushWaiting) {
          return;
        }
        if (failure !== undefined) {
          fail(failure);
        } else if (complete) {
          this.#reader = this.#idleReader;
          resolve(undefined);
        }
      };
      const flush = (): void => {
        const index = this.#current;
        const bytes = this.#filled;
        const at = position + handedOut;
        handedOut += bytes;
        this.#current = 1 - index;
        this.#filled = 0;
        this.#flushWaiting = false;
        if (bytes === 0) {
          return;
        }
        this.#writing[index] = true;
        writeFully(file, this.#buffers[index], bytes, at)
          .then(() => {
            this.#writing[index] = false;
            onWritten(bytes);
            if (failure === undefined && this.#flushWaiting) {
              flush();
              if (!complete) {
                this.#wantMore();
              }
            }
          })
          .catch((error: unknown) => {
            this.#writing[index] = false;
            this.#fail(error as Error);
          })
          .finally(settle);
      };
      const take: Reader = () => {
        const excess = handedOut + this.#filled - length;
        if (excess >= 0) {
          this.#filled -= excess;
          complete = true;
          // Bytes past the body: not an answer to trust with another request.
          this.#keepAlive &&= excess === 0;
          this.#reader = (late) => {
            this.#filled -= late;
            this.#keepAlive = false;
            return false;
          };
        }
        if (this.#flushWaiting) {
          // Late bytes (see LATE_BYTES) while the disk catches up: they wait in the buffer's room.
          return false;
        }
        if (complete || this.#filled >= BUFFER_BYTES) {
          if (this.#writing[1 - this.#current]) {
            this.#flushWaiting = true;
          } else {
            flush();
          }
        }
        settle();
        return !complete && !this.#flushWaiting;
      };
      this.#onFailure = (error) => {
        // The server may close once the body is whole: the writes left still go to the file.
        if (!complete) {
          failure ??= error;
          this.#flushWaiting = false;
        }
        settle();
      };
      this.#reader = take;
      if (take(0)) {
        this.#wantMore();
      }
    });
  }

  /** Reads a short body (an error's XML) as text. */
  async readBody(signal: AbortSignal): Promise<string> {
    const length = this.#bodyLength;
    if (length > BUFFER_BYTES) {
      this.#refuse('an error body longer than its buffer');
    }
    return await this.#exchange(signal, (resolve) => {
      const take: Reader = () => {
        if (this.#filled < length) {
          return true;
        }
        this.#keepAlive &&= this.#filled === length;
        this.#filled = 0;
        this.#reader = this.#idleReader;
        resolve(this.#buffers[this.#current].toString('utf8', 0, length));
        return false;
      };
      this.#reader = take;
      if (take(0)) {
        this.#wantMore();
      }
    });
  }

  /** Kept for a later request: it no longer holds the process open, and tells `onClosed` if the server closes it. */
  park(onClosed: () => void): void {
    this.#onClosed = onClosed;
    this.#socket.setTimeout(0);
    this.#socket.unref();
  }

  /** Taken from the idle ones for a request. */
  unpark(): void {
    this.#onClosed = undefined;
    this.#socket.ref();
  }

  destroy(): void {
    this.#fail(closedEarly());
  }

  /**
   * Runs one step of an exchange (connect, head, body) as a promise that fails with the connection:
   * a socket error, the server closing too early, the idle timeout or the signal. Either way the
   * step's own handlers are gone once it settles.
   */
  async #exchange<T>(
    signal: AbortSignal,
    start: (resolve: (value: T) => void, fail: (error: Error) => void) => void,
  ): Promise<T> {
    if (this.#failure !== undefined) {
      throw this.#failure;
    }
    const onAbort = () => this.#fail(Object.assign(new Error('The request was cancelled.'), { name: 'AbortError' }));
    try {
      return await new Promise<T>((resolve, reject) => {
        this.#onFailure = reject;
        if (signal.aborted) {
          onAbort();
          return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        this.#socket.setTimeout(this.#idleTimeoutMs);
        start(resolve, reject);
      });
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.#onFailure = undefined;
    }
  }

  /** Asks for more bytes; once the server has closed, there are none. */
  #wantMore(): void {
    this.#wanting = true;
    if (this.#closed) {
      this.#fail(closedEarly());
      return;
    }
    this.#socket.resume();
  }

  /** Closing cuts short only what still wants bytes; a body already read whole can still be used. */
  #serverClosed(): void {
    if (this.#closed || this.#failure !== undefined) {
      return;
    }
    this.#closed = true;
    if (this.#wanting) {
      this.#fail(closedEarly());
      return;
    }
    this.#socket.destroy();
    this.#onClosed?.();
  }

  /**
   * Where the next read lands: after the bytes the current buffer holds. Node asks right after each
   * read, and TLS goes on delivering what it has decrypted after reading is stopped: so a full
   * buffer still offers its late room, and past that the overflow, never an empty buffer.
   */
  #slot(): Buffer {
    const buffer = this.#buffers[this.#current];
    const end = this.#filled < BUFFER_BYTES ? BUFFER_BYTES : buffer.length;
    return this.#filled < end ? buffer.subarray(this.#filled, end) : this.#overflow;
  }

  #read(bytes: number, landed: Uint8Array): boolean {
    if (this.#failure !== undefined) {
      return false;
    }
    if (landed.buffer === this.#overflow.buffer) {
      return this.#refuse('more bytes than were asked for');
    }
    const slot = this.#slot();
    if (landed.buffer !== slot.buffer || landed.byteOffset !== slot.byteOffset) {
      // The slot moved while reading was stopped (a buffer went to the disk meanwhile); the bytes
      // landed past what that buffer's write covers, and move to where they belong.
      if (bytes > slot.length) {
        return this.#refuse('more bytes than the buffer holds');
      }
      slot.set(landed.subarray(0, bytes));
    }
    this.#filled += bytes;
    this.#wanting = this.#reader(bytes);
    return this.#wanting;
  }

  #refuse(why: string): false {
    this.#fail(new UnexpectedResponse(`The server sent ${why}.`));
    return false;
  }

  #fail(error: Error): void {
    if (this.#failure !== undefined) {
      return;
    }
    this.#failure = error;
    this.#socket.destroy();
    this.#onFailure?.(error);
    this.#onClosed?.();
  }
}
