// Runs one command as its own process and measures it from outside: wall time from spawn to exit,
// and peak RSS as the kernel counted it (GNU time's %M, from wait4). Every tool, ours included, is
// measured the same way, so process start-up counts for all and the runner's memory for none.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Command {
  /** Name in the table, e.g. "ours", "aws", "rclone". */
  tool: string;
  file: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface Measured {
  wallMs: number;
  peakRssBytes: number;
  /** User + system CPU time of the process and its children. */
  cpuMs: number;
  stdout: string;
}

export async function measure(command: Command): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'r2-bench-time-'));
  const report = join(dir, 'time');
  try {
    const child = spawn(GNU_TIME, ['-f', '%M %U %S', '-o', report, command.file, ...command.args], {
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = process.hrtime.bigint();
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (code !== 0) {
      throw new Error(`${command.tool} (${command.file} ${command.args.join(' ')}) exited with ${code}:\n${stderr}`);
    }
    const [kib, user, system] = (readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    return {
      wallMs,
      peakRssBytes: kib * 1024,
      cpuMs: (user + system) * 1000,
      stdout: Buffer.concat(stdout).toString(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
