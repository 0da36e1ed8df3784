// The "link" profile: a TCP proxy in front of the S3 server that makes loopback behave like a link
// to R2, for every tool alike (each is just given the proxy's address). Per connection:
// - a new connection waits one round trip before its first bytes reach the server (TCP handshake);
// - each answer's first byte waits one round trip (the request's way there and the answer's way back);
// - each direction moves at most `bytesPerSecond` (total across connections is unlimited).
// It passes bytes untouched (SigV4 signs the Host header the proxy's address is in), and counts them.
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LinkProfile {
  rttMs: number;
  bytesPerSecond: number;
}

export interface Traffic {
  /** Bytes the tools sent towards the server (requests and their bodies). */
  sentBytes: number;
  receivedBytes: number;
  connections: number;
  /**
   * The proxy's own state over the same span (it runs in the bench's process): CPU time of that
   * process, and how late its timers ran (a late timer holds bytes back).
   */
  proxy: { cpuMs: number; lateP99Ms: number; lateMaxMs: number; heapUsedMB: number };
}

export interface LinkProxy {
  readonly url: string;
  traffic(): Traffic;
  resetTraffic(): void;
  stop(): Promise<void>;
}

/** Queued bytes per direction before the sending side is paused. */
const HIGH_WATER = 4 * 1024 ** 2;

/** One direction of a connection: chunks leave in order, none before its release time, at most at the ceiling. */
class Lane {
  private readonly queue: Array<{ chunk: Buffer; notBefore: number }> = [];
  private queued = 0;
  /** When the ceiling lets the next byte out (performance.now() ms). */
  private nextFree = 0;
  private timer?: NodeJS.Timeout;
  private draining = false;
  private ending = false;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly bytesPerMs: number,
  ) {}

  push(chunk: Buffer, notBefore: number): void {
    this.queue.push({ chunk, notBefore });
    this.queued += chunk.length;
    if (this.queued > HIGH_WATER) {
      this.from.pause();
    }
    this.pump();
  }

  end(): void {
    this.ending = true;
    this.pump();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }

  private pump(): void {
    if (this.timer !== undefined || this.draining) {
      return;
    }
    while (this.queue.length > 0) {
      const { chunk, notBefore } = this.queue[0];
      const now = performance.now();
      const at = Math.max(notBefore, this.nextFree);
      // Timers fire in whole milliseconds: a chunk up to 1 ms early keeps the pace, on average exact.
      if (at > now + 1) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, at - now);
        return;
      }
      this.queue.shift();
      this.queued -= chunk.length;
      this.nextFree = at + chunk.length / this.bytesPerMs;
      if (this.queued <= HIGH_WATER / 2) {
        this.from.resume();
      }
      if (!this.to.write(chunk)) {
        this.draining = true;
        this.to.once('drain', () => {
          this.draining = false;
          this.pump();
        });
        return;
      }
    }
    if (this.ending) {
      this.to.end();
    }
  }
}

export async function startLinkProxy(upstream: string, profile: LinkProfile): Promise<LinkProxy> {
  const target = new URL(upstream);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const bytesPerMs = profile.bytesPerSecond / 1000;
  const sockets = new Set<Socket>();
  const counts = () => ({ sentBytes: 0, receivedBytes: 0, connections: 0 });
  let traffic = counts();
  const late = monitorEventLoopDelay({ resolution: 5 });
  late.enable();
  let cpuFrom = process.cpuUsage();

  const proxy = createServer((client) => {
    const accepted = performance.now();
    traffic.connections++;
    const server = createConnection({ host: target.hostname, port });
    sockets.add(client).add(server);
    const up = new Lane(client, server, bytesPerMs);
    const down = new Lane(server, client, bytesPerMs);
    // Set by a request's bytes, cleared by the first byte of its answer (an interim 100 Continue is one too).
    let awaitingAnswer = false;
    client.on('data', (chunk: Buffer) => {
      traffic.sentBytes += chunk.length;
      awaitingAnswer = true;
      up.push(chunk, Math.max(performance.now(), accepted + profile.rttMs));
    });
    server.on('data', (chunk: Buffer) => {
      traffic.receivedBytes += chunk.length;
      const now = performance.now();
      down.push(chunk, awaitingAnswer ? now + profile.rttMs : now);
      awaitingAnswer = false;
    });
    // An end is passed on after what is still queued; the server closing is not the end of what
    // the client is still to receive, the client going away (or an error) is.
    client.on('end', () => up.end());
    server.on('end', () => down.end());
    const destroy = () => {
      up.stop();
      down.stop();
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', destroy).on('close', destroy);
    server.on('error', destroy).on('close', () => sockets.delete(server));
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', resolve);
  });
  const address = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    traffic: () => {
      const cpu = process.cpuUsage(cpuFrom);
      const proxy = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        lateP99Ms: late.percentile(99) / 1e6,
        lateMaxMs: late.max / 1e6,
        heapUsedMB: process.memoryUsage().heapUsed / 1e6,
      };
      return { ...traffic, proxy };
    },
    resetTraffic: () => {
      traffic = counts();
      late.reset();
      cpuFrom = process.cpuUsage();
    },
    stop: async () => {
      late.disable();
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
