// Transfers through the real commands inside VS Code: the large file up, the large object down and
// the folder of small files up, each timed from executeCommand to the command's end (its summary
// answered at once), so whatever the extension does around src/r2 (progress, conflict checks,
// batching, the summary) is in the time. Just before each, the worker does the same transfer, so
// the two meet the same load on the machine (VS Code's own processes included), and then the
// worker's operation runs inside the extension host itself (bench/vscode/inHost.ts), on its main
// thread: what the command would cost there, beside the command, whose large transfers move in the
// extension's transfer thread (src/transfers). Connections are counted on the main thread only.
import { rmSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { scriptPrompts } from '../../test/integration/support/prompts';
import { countConnections } from '../../test/support/connections';
import { parseOurs } from '../cases/caseRunner';
import { measure } from '../measure';
import { addAccount, bucketNode, serverCounts, setting } from './host';
import type { TransferKind, TransferPlan, TransferRunner, TransferTiming } from './transferPlan';

/**
 * Reads the size of the file a download wrote and removes it at once, as the download case settles
 * each tool (bench/cases/transfers.ts): each of the three downloads then fills the page cache with
 * memory that the one before freed. Files kept until the end gave the first download (the worker)
 * the memory the download source freed and the two after it memory not used for a while, which on
 * this bench's VM costs about 3 CPU-s per GiB more to fill (the hypervisor backs each page again
 * on first touch): VS Code's download measured 2× the worker's for that alone (README "Performance").
 */
function settleDownload(plan: TransferPlan, runner: TransferRunner): number {
  const file = plan.downloadFiles[runner];
  const { size } = statSync(file);
  rmSync(file);
  return size;
}

async function timed(
  kind: TransferKind,
  plan: TransferPlan,
  command: string,
  args: unknown[],
  answers: vscode.Uri[][] = [],
): Promise<TransferTiming> {
  const downloaded: Partial<Record<TransferRunner, number>> = {};
  const settle = (runner: TransferRunner) => {
    if (kind === 'download') {
      downloaded[runner] = settleDownload(plan, runner);
    }
  };
  const worker = await measure(plan.workers[kind]);
  settle('worker');
  const credentials = { accessKeyId: setting('accessKeyId'), secretAccessKey: setting('secretAccessKey') };
  const host = await (await import('./inHost.js')).inHost(kind, plan, setting('bucket'), credentials);
  settle('inHost');
  if (plan.countRequests) {
    await serverCounts.reset();
  }
  const prompts = scriptPrompts(answers);
  const connections = countConnections(Number(new URL(plan.endpoint).port));
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    await vscode.commands.executeCommand(command, ...args);
  } finally {
    prompts.restore();
    connections.restore();
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  // A command reports its failures in a message and still ends normally.
  const problems = prompts.shown.filter((shown) => shown.level !== 'info');
  if (problems.length > 0) {
    throw new Error(`${command} (${kind}): ${problems.map((shown) => shown.message).join('; ')}`);
  }
  settle('command');
  return {
    kind,
    ms,
    cpuMs: (user + system) / 1000,
    requests: plan.countRequests ? await serverCounts.read() : undefined,
    connections: connections.opened(),
    worker: { operationMs: parseOurs(worker).operationMs, cpuMs: worker.cpuMs },
    inHost: host,
    downloaded: kind === 'download' ? (downloaded as Record<TransferRunner, number>) : undefined,
  };
}

export async function measureTransfers(api: ExtensionApi): Promise<TransferTiming[]> {
  const plan = JSON.parse(setting('transfers')) as TransferPlan;
  const account = await addAccount(api, plan.endpoint);
  // Listing the bucket loads the S3 SDK's bundle and opens a connection, as a user's look at the
  // bucket does before a transfer; the worker has both before its clock starts.
  const bucket = await bucketNode(api, account);
  const object = (await api.explorer.getChildren(bucket)).find(
    (node) => (node as { key?: string }).key === plan.downloadKey,
  );
  if (!object) {
    throw new Error(`${plan.downloadKey} is not listed at the root of ${setting('bucket')}`);
  }
  return [
    await timed('upload', plan, 'r2.upload', [bucket, [vscode.Uri.file(plan.uploadFile)]]),
    await timed('download', plan, 'r2.download', [object], [[vscode.Uri.file(plan.downloadFolder)]]),
    await timed('folder', plan, 'r2.upload', [bucket, [vscode.Uri.file(plan.uploadFolder)]]),
  ];
}
