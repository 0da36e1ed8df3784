// The sandbox behind `npm start`: the local R2 server with demo buckets, and code-server with R2
// Explorer installed from its .vsix and a demo account configured. One data folder holds it all:
//   r2/          the local server's buckets and objects
//   workspace/   the folder the workbench opens (files to upload)
//   user-data/   code-server's settings and state (the demo account's metadata)
//   extensions/  R2 Explorer, installed from r2-explorer.vsix
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Account } from '../../src/accounts/account';
import { SANDBOX_ACCOUNT_VARIABLE } from '../../src/accounts/sandboxAccount';
import { R2Client } from '../../src/r2';
import { freePort } from '../support/freePort';
import { runInGroup } from '../support/processGroup';
import { DEFAULT_CREDENTIAL, startR2Server } from '../support/r2server';
import { installExtension, QUIET_SETTINGS, startCodeServer, writeUserSettings } from '../support/vscodeHost/codeServer';
import { seedBuckets, seedWorkspace } from './seed';

/** The clone: compiled, this file is out/test/sandbox/sandbox.js. */
const ROOT = resolve(__dirname, '..', '..', '..');
/** Marks a folder the sandbox made: the only kind `reset` deletes. */
const MARKER = '.r2-explorer-sandbox';
/** Inside the clone, ignored by git. */
export const DEFAULT_DATA_DIR = join(ROOT, '.sandbox');

export const SANDBOX_ACCOUNT = { id: 'sandbox', name: 'Sandbox (local R2 server)' } as const;

/**
 * code-server's settings on a new data folder. Auto save is off: code-server saves a second after
 * typing stops, which writes an opened object back to R2 at every pause; in the sandbox, as in VS
 * Code's desktop default, an object is written when the user saves it.
 */
export const SANDBOX_SETTINGS = { ...QUIET_SETTINGS, 'files.autoSave': 'off' };

export interface SandboxOptions {
  /** code-server's port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly dataDir: string;
  /** Start over: delete the data folder first. */
  readonly reset: boolean;
  /** Told each step as it begins. */
  readonly report: (step: string) => void;
}

export interface Sandbox {
  /** The workbench, with the sandbox's workspace folder open. */
  readonly url: string;
  /** The local R2 server, for other S3 clients (path-style, region `auto`). */
  readonly s3: { readonly endpoint: string; readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly dataDir: string;
  stop(): Promise<void>;
}

interface MarkerState {
  seeded: boolean;
}

/** Creates (or resets) the data folder; refuses a folder with other things in it. */
function prepareDataDir(dir: string, reset: boolean): MarkerState {
  const marker = join(dir, MARKER);
  if (!existsSync(marker) && existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty and was not made by the sandbox: choose another --data folder`);
  }
  if (reset) {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  if (!existsSync(marker)) {
    writeFileSync(marker, JSON.stringify({ seeded: false } satisfies MarkerState));
  }
  return JSON.parse(readFileSync(marker, 'utf8')) as MarkerState;
}

/**
 * Starts the sandbox; stops what it started if a step fails or `signal` aborts. Persisted data
 * is reused: buckets are seeded once per data folder, the extension is packaged and installed anew.
 */
export async function startSandbox(options: SandboxOptions, signal: AbortSignal): Promise<Sandbox> {
  const dataDir = resolve(options.dataDir);
  const state = prepareDataDir(dataDir, options.reset);
  // A taken port should fail now, not after a minute of packaging.
  await freePort(options.port).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}: choose another with --port`);
  });
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) {
      await stopOne();
    }
  };
  try {
    const dirs = { userDataDir: join(dataDir, 'user-data'), extensionsDir: join(dataDir, 'extensions') };
    const vsix = join(dataDir, 'r2-explorer.vsix');
    options.report('Packaging R2 Explorer (npm run package)');
    // Built exactly as a release is.
    await runInGroup('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, signal });
    options.report('Installing it into code-server');
    await installExtension(vsix, dirs, signal);

    options.report('Starting the local R2 server');
    const credentials = {
      accessKeyId: DEFAULT_CREDENTIAL.accessKeyId,
      secretAccessKey: DEFAULT_CREDENTIAL.secretAccessKey,
    };
    const server = await startR2Server({ port: 0, dataDir: join(dataDir, 'r2'), credentials: [credentials] });
    stops.push(() => server.close());
    signal.throwIfAborted();
    if (!state.seeded) {
      options.report('Creating the demo buckets');
      const client = new R2Client({ endpoint: { kind: 'custom', url: server.endpoint }, credentials });
      await seedBuckets(client, signal).finally(() => client.destroy());
      writeFileSync(join(dataDir, MARKER), JSON.stringify({ seeded: true } satisfies MarkerState));
    }
    const workspace = join(dataDir, 'workspace');
    seedWorkspace(workspace);

    options.report('Starting code-server');
    writeUserSettings(dirs.userDataDir, SANDBOX_SETTINGS, true);
    const account: Account & { secretAccessKey: string } = {
      ...SANDBOX_ACCOUNT,
      jurisdiction: 'default',
      endpoint: server.endpoint,
      forcePathStyle: true,
      ...credentials,
    };
    const codeServer = await startCodeServer({
      ...dirs,
      port: options.port,
      logFile: join(dataDir, 'code-server.log'),
      // The extension stores it through its AccountStore on activation: see configureSandboxAccount.
      env: { [SANDBOX_ACCOUNT_VARIABLE]: JSON.stringify(account) },
    });
    stops.push(() => codeServer.stop());
    signal.throwIfAborted();
    return { url: codeServer.url(workspace), s3: { endpoint: server.endpoint, ...credentials }, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
