// A loopback port free at the moment: for a server to listen on, or for a client that must find
// nothing there (its connections are refused).
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A port nothing listens on at the moment, or an error saying which port is taken. */
export async function freePort(port = 0): Promise<number> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new Error(`port ${port} on 127.0.0.1 is in use (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  }
  const { port: free } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return free;
}
