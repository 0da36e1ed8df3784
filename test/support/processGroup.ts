// Child processes that start children of their own (npm → esbuild, vsce; code-server → extension
// host) run in their own process group, so that stopping one stops all of it.
import { spawn } from 'node:child_process';

/** Signals every process of the group led by `pid`; an empty group is not an error. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already empty
  }
}

/**
 * Runs a command to its end in a process group of its own; resolves to its output, rejects with
 * the output when it fails. Aborting `signal` ends the whole group.
 */
export function runInGroup(
  command: string,
  args: readonly string[],
  options: { cwd?: string; signal?: AbortSignal } = {},
): Promise<string> {
  const { cwd, signal } = options;
  signal?.throwIfAborted();
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const abort = () => killGroup(child.pid!, 'SIGTERM');
  signal?.addEventListener('abort', abort, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, killedBy) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) {
        reject(signal.reason);
      } else if (code === 0) {
        resolve(output);
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed (${killedBy ?? `exit ${code}`}):\n${output}`));
      }
    });
  });
}
