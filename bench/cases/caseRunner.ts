// Runs one case: every tool once per round, in an order that rotates from round to round so that no
// tool always goes first (or right after another's disk writes), several rounds, then spreads and ratios.
import type { RequestCounts } from '../localServer';
import type { Traffic } from '../linkProxy';
import type { Command, Measured } from '../measure';
import type { ProfileName } from '../options';
import { measure } from '../measure';
import type { Spread } from '../summary';
import { speedRatios, spread } from '../summary';
import type { Target } from '../target';

export interface ToolResult {
  tool: string;
  wallMs: Spread;
  peakRssBytes: Spread;
  cpuMs: Spread;
  /** Ours only: heap still in use after a full GC at the end (what is retained, not GC slack). */
  retainedHeapBytes?: Spread;
  /** Ours only: the operation's own time inside the worker, without process start-up. */
  operationMs?: Spread;
  /** Ours only: the worker's own report of the last round (e.g. the sync's plan and apply times). */
  workerReport?: Record<string, unknown>;
  /** Requests the server counted in the last round. */
  requests?: RequestCounts;
  /** Bytes through the link profile's proxy in the last round. */
  traffic?: Traffic;
  /** Median MB/s (10^6 bytes), when the case moves a known number of bytes. */
  throughputMBps?: number;
}

export interface CaseResult {
  id: string;
  title: string;
  profile: ProfileName;
  bytes?: number;
  runs: number;
  tools: ToolResult[];
  /** Ours against each peer: peer time / our time, per round. */
  ratios: Record<string, Spread>;
  /** Ours against the faster peer (by median time). */
  vsFaster?: { peer: string; ratio: Spread };
  /** Diagnostic variants of ours against the same faster peer. */
  diagnostics?: Record<string, Spread>;
  /** Sync cases: what each tool sent when run again with nothing changed (last round). */
  secondSync?: Record<string, RequestCounts | undefined>;
}

export interface Round {
  /** The commands of this round: ours first in the list; run order is rotated by the runner. */
  commands: Command[];
  /** Checks a tool's result (e.g. the object's size on the server) and removes what it made; untimed. */
  settle(tool: string, measured: Measured): Promise<void>;
}

/** Tools named "ours" or "ours (…)" (a diagnostic variant) run our workers; the rest are peers. */
export function isOurs(tool: string): boolean {
  return tool === 'ours' || tool.startsWith('ours ');
}

type WorkerReport = Record<string, unknown> & { operationMs: number; retainedHeapBytes: number };

/** The JSON line a worker of ours ends its output with (bench/workers/worker.ts). */
export function parseOurs(measured: Measured): WorkerReport {
  const line = measured.stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as WorkerReport;
}

function push(map: Map<string, number[]>, tool: string, value: number): void {
  map.set(tool, [...(map.get(tool) ?? []), value]);
}

export async function runCase(
  id: string,
  title: string,
  target: Target,
  runs: number,
  round: (run: number) => Promise<Round>,
  bytes?: number,
): Promise<CaseResult> {
  const times = new Map<string, number[]>();
  const rss = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const operation = new Map<string, number[]>();
  const retained = new Map<string, number[]>();
  const reports = new Map<string, WorkerReport>();
  const requests = new Map<string, RequestCounts | undefined>();
  const traffic = new Map<string, Traffic | undefined>();
  for (let run = 0; run < runs; run++) {
    const { commands, settle } = await round(run);
    const order = commands.map((_, i) => commands[(i + run) % commands.length]);
    for (const command of order) {
      await target.counts?.resetStats();
      target.traffic?.resetTraffic();
      const measured = await measure(command);
      requests.set(command.tool, await target.counts?.stats());
      traffic.set(command.tool, target.traffic?.traffic());
      await settle(command.tool, measured);
      push(times, command.tool, measured.wallMs);
      push(rss, command.tool, measured.peakRssBytes);
      push(cpu, command.tool, measured.cpuMs);
      if (isOurs(command.tool)) {
        const own = parseOurs(measured);
        push(operation, command.tool, own.operationMs);
        push(retained, command.tool, own.retainedHeapBytes);
        reports.set(command.tool, own);
      }
      const proxy = traffic.get(command.tool)?.proxy;
      const proxied =
        proxy === undefined
          ? ''
          : `; link proxy ${(proxy.cpuMs / 1000).toFixed(2)} CPU-s, timers late p99 ${proxy.lateP99Ms.toFixed(1)} ms (max ${proxy.lateMaxMs.toFixed(0)}), bench heap ${proxy.heapUsedMB.toFixed(0)} MB`;
      process.stdout.write(
        `  ${id} (${target.profile}) run ${run + 1}/${runs} ${command.tool}: ${(measured.wallMs / 1000).toFixed(2)} s, peak RSS ${(measured.peakRssBytes / 1e6).toFixed(0)} MB${proxied}\n`,
      );
    }
  }
  const tools: ToolResult[] = [...times.keys()].map((tool) => {
    const wallMs = spread(times.get(tool)!);
    return {
      tool,
      wallMs,
      peakRssBytes: spread(rss.get(tool)!),
      cpuMs: spread(cpu.get(tool)!),
      operationMs: isOurs(tool) ? spread(operation.get(tool)!) : undefined,
      retainedHeapBytes: isOurs(tool) ? spread(retained.get(tool)!) : undefined,
      workerReport: reports.get(tool),
      requests: requests.get(tool),
      traffic: traffic.get(tool),
      throughputMBps: bytes === undefined ? undefined : bytes / 1e6 / (wallMs.median / 1000),
    };
  });
  const ours = times.get('ours')!;
  const peers = tools.filter((t) => !isOurs(t.tool));
  const ratios = Object.fromEntries(peers.map((peer) => [peer.tool, speedRatios(ours, times.get(peer.tool)!)]));
  const faster = peers.sort((a, b) => a.wallMs.median - b.wallMs.median)[0];
  const variants = [...times.keys()].filter((tool) => tool !== 'ours' && isOurs(tool));
  const diagnostics =
    faster && variants.length > 0
      ? Object.fromEntries(variants.map((tool) => [tool, speedRatios(times.get(tool)!, times.get(faster.tool)!)]))
      : undefined;
  return {
    id,
    title,
    profile: target.profile,
    bytes,
    runs,
    tools,
    ratios,
    vsFaster: faster ? { peer: faster.tool, ratio: ratios[faster.tool] } : undefined,
    diagnostics,
  };
}
