// The HTTP front: control endpoints, routing, request counting, injected faults, SigV4, permissions,
// then the operation's handler.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { authorize } from './access';
import { RequestContext } from './context';
import { CONTROL_PREFIX, handleControl } from './control';
import { S3Error } from './errors';
import type { R2Fault, WriteFault } from './faults';
import { Faults } from './faults';
import { HANDLERS, isValidBucketName } from './handlers';
import { compareKeys } from './keys';
import { UNSUPPORTED } from './operations';
import { resolveRoute } from './router';
import type { R2Credential } from './sigv4';
import { authenticate } from './sigv4';
import type { R2Stats } from './stats';
import { Stats } from './stats';
import { Store } from './store';
import { parseQuery } from './uri';

export interface R2ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Folder holding buckets and objects, kept across restarts; a temporary one (deleted on close) if omitted. */
  dataDir?: string;
  /** Access keys; one admin key (DEFAULT_CREDENTIAL) if omitted. */
  credentials?: R2Credential[];
}

export interface R2Server {
  /** Base URL for path-style requests, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  readonly credentials: readonly R2Credential[];
  /** Requests counted since start or the last reset. */
  stats(): R2Stats;
  resetStats(): void;
  inject(fault: R2Fault): void;
  /** Empty objects written straight into a bucket's store, no HTTP: a folder of 100,000 keys in a moment. */
  seed(bucket: string, keys: readonly string[]): void;
  /** Faults still armed. */
  faults(): R2Fault[];
  clearFaults(): void;
  /** Forgets an access key, as when a token is revoked: its requests get InvalidAccessKeyId. */
  revoke(accessKeyId: string): void;
  /** Refuses every connection for `ms` (the server process "stops"), then listens again on the same port. */
  outage(ms: number): void;
  /**
   * Refuses new connections while those open stay, as a network where only a route already taken
   * gets through (a client's keep-alive connections still work). Returns what takes them again.
   */
  refuseNewConnections(): () => void;
  close(): Promise<void>;
}

/** Well-known development key, shaped like R2's (32 hex characters, secret 64). Never a real secret. */
export const DEFAULT_CREDENTIAL: R2Credential = Object.freeze({
  accessKeyId: '0123456789abcdef0123456789abcdef',
  secretAccessKey: 'a1f4cbd7e6c7bb0e4a8e2f5d1c0b9a8776655443322110ffeeddccbbaa998877',
});

interface ServerParts {
  store: Store;
  stats: Stats;
  faults: Faults;
  keys: Map<string, R2Credential>;
}

/** What a `write` fault does: another client's PutObject (or DeleteObject), applied directly to the store. */
function writeAsAnotherClient(store: Store, { bucket, key, body }: WriteFault): void {
  if (body === null) {
    store.deleteObject(bucket, key);
    return;
  }
  const bytes = Buffer.from(body);
  const { blob, path } = store.blobs.create();
  writeFileSync(path, bytes);
  const etag = createHash('md5').update(bytes).digest('hex');
  store.putObject(bucket, {
    key,
    size: bytes.length,
    etag,
    lastModified: Date.now(),
    segments: [{ blob, size: bytes.length }],
    meta: { contentType: 'text/plain', user: {}, storageClass: 'STANDARD' },
  });
}

function seedEmptyObjects(store: Store, bucket: string, keys: readonly string[]): void {
  const now = Date.now();
  // In key order: each insert then appends to the store's sorted index.
  for (const key of [...keys].sort(compareKeys)) {
    store.putObject(bucket, {
      key,
      size: 0,
      etag: createHash('md5').digest('hex'),
      lastModified: now,
      segments: [],
      meta: { contentType: 'application/octet-stream', user: {}, storageClass: 'STANDARD' },
    });
  }
}

/**
 * Holds a request back for `ms`, as a slow server would, but not past the client's leaving: a test
 * can delay requests for far longer than it runs (until Cancel), and no timer outlives the socket.
 */
async function waitWhileConnected(res: ServerResponse, ms: number): Promise<boolean> {
  const left = new AbortController();
  const leave = (): void => left.abort();
  res.once('close', leave);
  try {
    await sleep(ms, undefined, { signal: left.signal });
    return true;
  } catch {
    return false;
  } finally {
    res.off('close', leave);
  }
}

async function handleS3(
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  rawQuery: string,
  parts: ServerParts,
): Promise<void> {
  const query = parseQuery(rawQuery);
  const ctx = new RequestContext(req, res, rawPath, query ?? []);
  try {
    let route;
    try {
      if (!query) {
        throw new S3Error('InvalidURI', 'Could not parse the specified URI.');
      }
      route = resolveRoute(req.method ?? 'GET', rawPath, query, req.headers);
    } catch (error) {
      parts.stats.count(UNSUPPORTED);
      throw error;
    }
    parts.stats.count(route.operation, req.headers);
    const handling = parts.stats.handling(route.operation);
    res.once('close', handling.done);
    ctx.faults = parts.faults.take(route.operation);
    if (ctx.faults.delay && !(await waitWhileConnected(res, ctx.faults.delay.ms))) {
      return; // the client gave up waiting: there is no one to answer
    }
    if (ctx.faults.write) {
      writeAsAnotherClient(parts.store, ctx.faults.write);
    }
    if (ctx.faults.error) {
      throw ctx.faults.error.status === 503
        ? new S3Error('SlowDown', 'Reduce your request rate (injected fault).')
        : new S3Error('InternalError', 'We encountered an internal error. Please try again (injected fault).');
    }
    ctx.auth = authenticate({ method: ctx.method, rawPath, query: ctx.query, headers: req.headers }, (id) =>
      parts.keys.get(id),
    );
    if (route.bucket !== undefined && !isValidBucketName(route.bucket)) {
      throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: route.bucket });
    }
    authorize(ctx.auth.credential, route.operation, route.bucket);
    await HANDLERS[route.operation]({ ctx, store: parts.store, bucket: route.bucket ?? '', key: route.key ?? '' });
  } catch (error) {
    if (!(error instanceof S3Error) && !ctx.done) {
      // A bug or an I/O failure: worth seeing in test output, and answered as S3's InternalError.
      console.error(`[r2server] ${ctx.method} ${rawPath}:`, error);
    }
    await ctx.sendError(error);
  }
}

export async function startR2Server(options: R2ServerOptions = {}): Promise<R2Server> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'r2server-')) : resolve(options.dataDir);
  const credentials = options.credentials ?? [DEFAULT_CREDENTIAL];
  const parts: ServerParts = {
    store: new Store(dataDir),
    stats: new Stats(),
    faults: new Faults(),
    keys: new Map(credentials.map((c) => [c.accessKeyId, c])),
  };

  const controls = {
    revoke: (accessKeyId: string) => {
      parts.keys.delete(accessKeyId);
    },
    outage: (ms: number) => {
      server.close();
      server.closeAllConnections();
      setTimeout(() => server.listen(port, host), ms);
    },
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const work = rawPath.startsWith(CONTROL_PREFIX)
      ? handleControl(req, res, rawPath, parts.stats, parts.faults, controls)
      : handleS3(req, res, rawPath, q < 0 ? '' : url.slice(q + 1), parts);
    work.catch(() => res.destroy());
  });
  // Large uploads over a slow link must not hit Node's default 5-minute request timeout.
  server.requestTimeout = 0;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolveListen());
    });
  } catch (error) {
    parts.store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    endpoint,
    port,
    dataDir,
    credentials,
    stats: () => parts.stats.snapshot(),
    resetStats: () => parts.stats.reset(),
    inject: (fault) => parts.faults.add(fault),
    seed: (bucket, keys) => seedEmptyObjects(parts.store, bucket, keys),
    faults: () => parts.faults.list(),
    clearFaults: () => parts.faults.clear(),
    revoke: controls.revoke,
    outage: controls.outage,
    refuseNewConnections: () => {
      // net.Server's close, not http.Server's: that one also closes the idle keep-alive connections.
      NetServer.prototype.close.call(server);
      return () => server.listen(port, host);
    },
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      parts.store.close();
      if (temporary) {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
