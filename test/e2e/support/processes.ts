import { readdirSync, readFileSync } from 'node:fs';

/** A process, told apart from a later one that reuses its pid by its start time. */
export interface ProcessId {
  readonly pid: number;
  readonly started: string;
}

/** pid, parent pid and start time from /proc/<pid>/stat; undefined once the process is gone. */
function stat(pid: number): { state: string; ppid: number; started: string } | undefined {
  try {
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), started: fields[19] };
  } catch {
    return undefined;
  }
}

/** Every process below `root` (children, theirs, …), detached process groups included. */
export function descendants(root: number): ProcessId[] {
  const children = new Map<number, ProcessId[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const pid = Number(entry);
    const info = stat(pid);
    if (info) {
      children.set(info.ppid, [...(children.get(info.ppid) ?? []), { pid, started: info.started }]);
    }
  }
  const found: ProcessId[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Still there, and not a zombie waiting for its parent to read its exit status. */
export function isRunning(process: ProcessId): boolean {
  const info = stat(process.pid);
  return info !== undefined && info.started === process.started && info.state !== 'Z';
}
