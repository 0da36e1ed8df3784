// A TCP proxy in front of the local R2 server that can turn into a server that accepts and never
// answers: requests whose request line matches `hang` are swallowed, their connection left open.
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.1$/;

export class HangingProxy {
  /** Requests whose request line (`GET /bucket?list-type=2… HTTP/1.1`) matches are never answered. */
  hang: RegExp | undefined;
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  constructor(private readonly upstream: string) {}

  /** Starts listening on a loopback port; resolves to the endpoint to give an account. */
  async start(): Promise<string> {
    const target = new URL(this.upstream);
    this.server = createServer((client) => {
      const server = createConnection({ host: target.hostname, port: Number(target.port) });
      this.sockets.add(client).add(server);
      let swallowing = false;
      client.on('data', (chunk: Buffer) => {
        if (swallowing) {
          return;
        }
        // Each request of a keep-alive connection starts a chunk of its own: the client waits for
        // the answer to one before it sends the next.
        const line = chunk.toString('latin1', 0, Math.min(chunk.length, 4096)).split('\r\n', 1)[0];
        if (REQUEST_LINE.test(line) && this.hang?.test(line)) {
          swallowing = true;
          return;
        }
        server.write(chunk);
      });
      server.on('data', (chunk: Buffer) => {
        if (!swallowing) {
          client.write(chunk);
        }
      });
      const close = () => {
        client.destroy();
        server.destroy();
        this.sockets.delete(client);
        this.sockets.delete(server);
      };
      client.on('close', close).on('error', close);
      server.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('the proxy has no TCP address');
    }
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
