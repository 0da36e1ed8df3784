// `npm start [-- --port N] [--data DIR] [--reset]`: runs the sandbox until Ctrl-C (or SIGTERM,
// SIGHUP), then stops everything it started.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBanner } from './banner';
import { DEFAULT_DATA_DIR, startSandbox } from './sandbox';
import type { Sandbox } from './sandbox';

const USAGE = 'usage: npm start -- [--port 8080] [--data DIR] [--reset]';

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      data: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (values.help || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.log(
      `${USAGE}\n  --port  code-server's port on 127.0.0.1 (0 picks a free one)\n  --data  folder kept between runs (default ${DEFAULT_DATA_DIR})\n  --reset delete that folder's data first`,
    );
    process.exit(values.help ? 0 : 2);
  }
  // npm runs scripts in the package folder; a relative --data means where the user typed it.
  const dataDir =
    values.data === undefined ? DEFAULT_DATA_DIR : resolve(process.env.INIT_CWD ?? process.cwd(), values.data);
  return { port, dataDir, reset: values.reset };
}

async function main(): Promise<void> {
  // The AWS SDK (which seeds the demo buckets here) warns about Node versions it will drop: news
  // for the project, noise for someone trying the extension.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const aborter = new AbortController();
  let sandbox: Sandbox | undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: leave now; the exit handlers still kill code-server's process group.
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    // While starting, startSandbox sees the abort and stops what it had started.
    aborter.abort();
    void sandbox?.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, onSignal);
  }
  const report = (step: string) => console.log(`[sandbox] ${step}…`);
  try {
    sandbox = await startSandbox({ ...options(), report }, aborter.signal);
  } catch (error) {
    if (aborter.signal.aborted) {
      process.exit(0);
    }
    throw error;
  }
  console.log(formatBanner(sandbox));
}

main().catch((error: unknown) => {
  console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
