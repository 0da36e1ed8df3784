// The table of transfers run as commands inside VS Code beside the same in the worker.
import type { RequestCounts } from '../localServer';
import { range, seconds, table } from '../report';
import { atMostRatio, TARGETS } from '../targets';
import type { VsCodeTransfer } from './vscodeTransfers';

const requests = (counts: RequestCounts | undefined) => (counts ? String(counts.total) : '—');

export function vscodeTransfersTable(transfers: readonly VsCodeTransfer[]): string {
  const rows = transfers.map((t) => [
    t.title,
    t.profile,
    `${seconds(t.vscodeMs)} s, ${(t.bytes / 1e6 / (t.vscodeMs / 1000)).toFixed(0)} MB/s`,
    `${seconds(t.paired.operationMs)} s`,
    `${t.ratio.toFixed(2)}×`,
    `${seconds(t.inHost.ms)} s: command ${(t.vscodeMs / t.inHost.ms).toFixed(2)}× that`,
    t.worker && t.workerRatio !== undefined
      ? `${range(t.worker.operationMs, seconds)} s: ${t.workerRatio.toFixed(2)}×`
      : `not run (${t.workerCaseId} not in BENCH_CASES)`,
    `${seconds(t.vscodeCpuMs)} s / ${seconds(t.inHost.cpuMs)} s / ${seconds(t.paired.cpuMs)} s`,
    `${requests(t.requests)} / ${requests(t.worker?.requests)}`,
    String(t.connections),
    atMostRatio(t.ratio, TARGETS.vscodeOverWorker, "the worker's").text,
  ]);
  return table(
    [
      'through VS Code: the command, once',
      'profile',
      'through VS Code',
      'worker, just before (VS Code open)',
      'ratio',
      "the worker's operation in the extension host's main thread, no command",
      "the worker case's ours (median, min–max): ratio",
      'CPU: command / operation in the host / worker process (start-up included)',
      'requests VS Code / worker case',
      "connections the host's main thread opened (not the transfer thread's)",
      'target within 10%',
    ],
    rows,
  );
}
