// `node out/test/support/r2server/cli.js [--port N] [--host H] [--data DIR]`: runs the local R2 server
// until SIGINT or SIGTERM. The first output line is JSON (endpoint, region, credentials, data folder,
// control URL) for scripts; the rest is for people.
import { parseArgs } from 'node:util';
import { startR2Server } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, not "${values.port}"`);
  }
  const server = await startR2Server({ port, host: values.host, dataDir: values.data });
  console.log(
    JSON.stringify({
      endpoint: server.endpoint,
      region: 'auto',
      credentials: server.credentials,
      dataDir: server.dataDir,
      control: `${server.endpoint}/__r2/`,
    }),
  );
  console.log(`R2 local server listening on ${server.endpoint} (path-style, region "auto")`);
  for (const c of server.credentials) {
    console.log(
      `  access key ${c.accessKeyId}  secret ${c.secretAccessKey}${c.buckets ? `  buckets: ${c.buckets.join(', ')}` : '  (admin)'}`,
    );
  }
  console.log(`  data: ${server.dataDir}${values.data === undefined ? ' (temporary, deleted on exit)' : ''}`);
  console.log(`  control: GET ${server.endpoint}/__r2/stats, POST ${server.endpoint}/__r2/faults`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
