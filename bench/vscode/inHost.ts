// The worker's own operations (bench/workers), run inside the extension host without the command, on
// its main thread (VS Code's heap and all): the same process, Node and load as the command. Large
// transfers of the command run in the extension's transfer thread instead, so the two differ by what
// the thread saves, less the command's own cost (progress, conflict checks, batching, the summary). Imported only by a transfers session,
// when first used: it brings the S3 SDK (the worker's copy), which the memory session must not have.
import { DOWNLOAD_CLIENT_OPTIONS, downloadFileOperation } from '../workers/downloadFile';
import { uploadFileOperation } from '../workers/uploadFile';
import { uploadFolderOperation } from '../workers/uploadFolder';
import type { WorkerOperation } from '../workers/worker';
import type { Credentials } from '../options';
import { clientFor } from '../target';
import type { TransferKind, TransferPlan } from './transferPlan';

const OPERATIONS: Record<TransferKind, WorkerOperation> = {
  upload: uploadFileOperation,
  download: downloadFileOperation,
  folder: uploadFolderOperation,
};

/** Runs the worker's operation for `kind` in this process, with a client of its own, set up as the worker's. */
export async function inHost(
  kind: TransferKind,
  plan: TransferPlan,
  bucket: string,
  credentials: Credentials,
): Promise<{ ms: number; cpuMs: number }> {
  const client = clientFor({ url: plan.endpoint, credentials }, kind === 'download' ? DOWNLOAD_CLIENT_OPTIONS : {});
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await OPERATIONS[kind]({
      client,
      bucket,
      args: plan.inHost[kind],
      signal: AbortSignal.timeout(30 * 60_000),
    });
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    return { ms, cpuMs: (user + system) / 1000 };
  } finally {
    client.destroy();
  }
}
