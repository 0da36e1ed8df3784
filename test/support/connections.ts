// Counts the TCP connections this process opens to a port: how a test or the bench sees whether
// the extension reuses its connections (code in the extension host shares the extension's process).
import { Socket } from 'node:net';

export interface ConnectionCounter {
  opened(): number;
  restore(): void;
}

export function countConnections(port: number): ConnectionCounter {
  const original = Socket.prototype.connect;
  let opened = 0;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.createConnection passes its normalized arguments as one array: [options, callback].
    const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { port?: unknown } | number | undefined;
    if (Number(typeof first === 'object' ? first.port : first) === port) {
      opened++;
    }
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof original;
  return { opened: () => opened, restore: () => (Socket.prototype.connect = original) };
}
