// `npm start` as a person runs it: the sandbox's command line in a child process, its printed URL
// read from the output, and Ctrl-C (SIGINT) to stop it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseBanner } from '../../sandbox/banner';

export interface SandboxProcess {
  readonly pid: number;
  readonly url: string;
  readonly s3Endpoint: string;
  readonly dataDir: string;
  /** Everything it printed so far. */
  output(): string;
  /** Sends Ctrl-C and resolves to the exit code. */
  interrupt(): Promise<number | null>;
}

/** Compiled next to this suite: out/test/sandbox/cli.js. */
const CLI = join(__dirname, '..', '..', 'sandbox', 'cli.js');

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    await once(child, 'exit');
  }
  return child.exitCode;
}

/** Starts the sandbox on a free port with a fresh data folder; resolves once it prints its URL. */
export async function startSandboxProcess(dataDir: string): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const interrupt = () => {
    child.kill('SIGINT');
    return exitCode(child);
  };
  const banner = await new Promise<ReturnType<typeof parseBanner>>((resolve) => {
    const check = () => {
      const parsed = parseBanner(output);
      if (parsed) {
        resolve(parsed);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => resolve(undefined));
  });
  if (!banner) {
    await interrupt();
    throw new Error(`the sandbox stopped before it was ready:\n${output}`);
  }
  return { ...banner, pid: child.pid!, dataDir, output: () => output, interrupt };
}
