// Unauthenticated control endpoints under /__r2/ (never a valid bucket name), loopback callers only,
// so tests in another process (e.g. inside VS Code) can read counts and inject faults:
//   GET    /__r2/stats          → 200 R2Stats as JSON
//   POST   /__r2/stats/reset    → 204
//   GET    /__r2/faults         → 200 armed faults as JSON (times = what is left)
//   POST   /__r2/faults         body: one R2Fault or an array → 200 armed faults; 400 {"error"} if invalid
//   DELETE /__r2/faults         → 204
//   POST   /__r2/revoke         body {"accessKeyId"} → 204; the key is unknown from then on (a revoked token)
//   POST   /__r2/outage         body {"ms"} → 204, then the server refuses connections for that long
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults, R2Fault } from './faults';
import { validateFault } from './faults';
import type { Stats } from './stats';

export const CONTROL_PREFIX = '/__r2/';
const MAX_BODY = 1024 * 1024;

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
  );
}

function sendJson(res: ServerResponse, status: number, value?: unknown): void {
  if (value === undefined) {
    res.writeHead(status).end();
    return;
  }
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      throw new Error('body too large');
    }
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Server-wide actions the control endpoints can take beyond counts and faults. */
export interface ServerControls {
  revoke(accessKeyId: string): void;
  outage(ms: number): void;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  stats: Stats,
  faults: Faults,
  controls: ServerControls,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: 'control endpoints answer loopback callers only' });
    return;
  }
  const route = `${req.method} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (route) {
    case 'GET stats':
      sendJson(res, 200, stats.snapshot());
      return;
    case 'POST stats/reset':
      stats.reset();
      sendJson(res, 204);
      return;
    case 'GET faults':
      sendJson(res, 200, faults.list());
      return;
    case 'POST faults': {
      let added: R2Fault[];
      try {
        const body = await readJson(req);
        added = (Array.isArray(body) ? body : [body]).map(validateFault);
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
        return;
      }
      added.forEach((f) => faults.add(f));
      sendJson(res, 200, faults.list());
      return;
    }
    case 'DELETE faults':
      faults.clear();
      sendJson(res, 204);
      return;
    case 'POST revoke': {
      const { accessKeyId } = (await readJson(req)) as { accessKeyId?: unknown };
      if (typeof accessKeyId !== 'string') {
        sendJson(res, 400, { error: '"accessKeyId" must be a string' });
        return;
      }
      controls.revoke(accessKeyId);
      sendJson(res, 204);
      return;
    }
    case 'POST outage': {
      const { ms } = (await readJson(req)) as { ms?: unknown };
      if (typeof ms !== 'number' || !(ms > 0)) {
        sendJson(res, 400, { error: '"ms" must be a positive number' });
        return;
      }
      // Answer first: the outage drops every connection, this one included.
      res.once('finish', () => controls.outage(ms));
      sendJson(res, 204);
      return;
    }
    default:
      sendJson(res, 404, { error: `unknown control endpoint: ${route}` });
  }
}
