// The large upload, the large download and the folder upload run once more per profile, as the real
// commands inside VS Code (a fresh code-server), beside ours in the worker from the same run: what
// the extension adds around src/r2 (progress, conflict checks, batching, the summary) shows as the
// difference. Same fixtures as the worker cases, results checked the same way.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deleteObject, deletePrefix, headObject, uploadFile } from '../../src/r2';
import { randomFile, smallFilesFolder } from '../fixtures';
import type { LocalServer, RequestCounts } from '../localServer';
import type { ProfileName } from '../options';
import type { Spread } from '../summary';
import { SESSION_ENV } from '../vscode/protocol';
import type { TransferKind, TransferPlan } from '../vscode/transferPlan';
import type { CaseResult } from './caseRunner';
import { runSession } from './extension';
import type { TransferContext } from './transfers';
import { ours, signal } from './transfers';

const MiB = 1024 ** 2;

function check(ok: boolean, problem: string): void {
  if (!ok) {
    throw new Error(problem);
  }
}

export interface VsCodeTransfer {
  kind: TransferKind;
  title: string;
  profile: ProfileName;
  bytes: number;
  /** The command inside VS Code, once. */
  vscodeMs: number;
  /** The extension host's CPU time meanwhile (VS Code's own work included). */
  vscodeCpuMs: number;
  requests?: RequestCounts;
  /** TCP connections the extension host opened for it. */
  connections: number;
  /** The worker doing the same just before the command, with VS Code open: the operation's own time, its CPU. */
  paired: { operationMs: number; cpuMs: number };
  /** VS Code's time over the paired worker's: above 1 the extension is slower. The target's ratio. */
  ratio: number;
  /** The worker's operation inside the extension host, without the command: the host's share of the difference. */
  inHost: { ms: number; cpuMs: number };
  /** The worker case compared with: same transfer, same profile, same run. */
  workerCaseId: string;
  /** Ours in that case: the operation's own time (no process start-up), the process's CPU. */
  worker?: { operationMs: Spread; cpuMs: Spread; requests?: RequestCounts };
  /** VS Code's time over that case's median. */
  workerRatio?: number;
}

/** The worker case each transfer is compared with, by the id transfers.ts gives it. */
function workerCaseIdOf(kind: TransferKind, largeMiB: number): string {
  return kind === 'folder' ? 'folder' : `${kind}-${largeMiB}`;
}

/**
 * Runs the three commands in one VS Code session against this profile's endpoint (the link proxy
 * on the link profile), checks what they left on the server and on disk, and removes it.
 * `stage` is the packaged extension (extension.ts packageExtension).
 */
export async function vscodeTransfersCase(
  ctx: TransferContext,
  stage: string,
  server: LocalServer,
  workerCases: readonly CaseResult[],
): Promise<VsCodeTransfer[]> {
  const { target, client, options } = ctx;
  const { bucket, profile } = target;
  const mib = options.largeMiB;
  const dir = join(ctx.dir, `vscode-transfers-${profile}`);
  const downloadFolder = join(dir, 'downloaded');
  mkdirSync(downloadFolder, { recursive: true });
  // The commands upload to the bucket's root, each file and folder under its own name; the worker
  // beside them to other keys. The profile in the names keeps the runs apart.
  const name = (what: string) => `vscode-${profile}-${what}`;
  const uploadKey = name(`upload-${mib}.bin`);
  const folderPrefix = name('folder/');
  const workerKey = name(`worker-upload-${mib}.bin`);
  const workerPrefix = name('worker-folder/');
  const workerFile = join(downloadFolder, 'worker.bin');
  const hostKey = name(`host-upload-${mib}.bin`);
  const hostPrefix = name('host-folder/');
  const hostFile = join(downloadFolder, 'host.bin');
  const downloadKey = name(`download-${mib}.bin`);
  const uploadFolder = join(dir, name('folder'));
  const localFile = randomFile(join(dir, uploadKey), mib);
  const plan: TransferPlan = {
    endpoint: target.url,
    uploadFile: localFile,
    downloadKey,
    downloadFolder,
    uploadFolder,
    workers: {
      upload: ours(target, 'uploadFile', [localFile, workerKey]),
      download: ours(target, 'downloadFile', [downloadKey, workerFile]),
      folder: ours(target, 'uploadFolder', [uploadFolder, workerPrefix, String(options.folderConcurrency)]),
    },
    inHost: {
      upload: [localFile, hostKey],
      download: [downloadKey, hostFile],
      folder: [uploadFolder, hostPrefix, String(options.folderConcurrency)],
    },
    downloadFiles: { worker: workerFile, inHost: hostFile, command: join(downloadFolder, downloadKey) },
    countRequests: target.counts !== undefined,
  };
  const folderBytes = smallFilesFolder(uploadFolder, options.folderFiles);
  const source = randomFile(join(dir, 'download-source.bin'), mib);
  // Uploaded once by src/r2, as the worker's download case does.
  await uploadFile(client, { bucket, key: downloadKey, filePath: source }, signal());
  rmSync(source, { force: true });
  try {
    const session = await runSession('transfers', 0, stage, dir, server, {
      [SESSION_ENV.accessKeyId]: target.credentials.accessKeyId,
      [SESSION_ENV.secretAccessKey]: target.credentials.secretAccessKey,
      [SESSION_ENV.bucket]: bucket,
      [SESSION_ENV.transfers]: JSON.stringify(plan),
    });
    for (const [who, key] of [
      ['VS Code', uploadKey],
      ['the worker', workerKey],
      ['the worker in the extension host', hostKey],
    ]) {
      const { size } = await headObject(client, { bucket, key }, signal());
      check(size === mib * MiB, `${who} stored ${size} bytes for ${key}, not ${mib * MiB}`);
    }
    // The session removed each downloaded file once it had read its size (bench/vscode/transfers.ts).
    const downloaded = session.transfers?.find((timing) => timing.kind === 'download')?.downloaded;
    for (const [who, runner] of [
      ['VS Code', 'command'],
      ['the worker', 'worker'],
      ['the worker in the extension host', 'inHost'],
    ] as const) {
      const size = downloaded?.[runner];
      check(size === mib * MiB, `${who} wrote ${size} bytes to ${plan.downloadFiles[runner]}, not ${mib * MiB}`);
    }
    for (const [who, prefix] of [
      ['VS Code', folderPrefix],
      ['the worker', workerPrefix],
      ['the worker in the extension host', hostPrefix],
    ]) {
      const { deleted } = await deletePrefix(client, { bucket, prefix }, signal());
      check(
        deleted === options.folderFiles,
        `${who} uploaded ${deleted} files under ${prefix}, not ${options.folderFiles}`,
      );
    }
    return (session.transfers ?? []).map((timing): VsCodeTransfer => {
      const workerCaseId = workerCaseIdOf(timing.kind, mib);
      const ours = workerCases.find((c) => c.id === workerCaseId)?.tools.find((t) => t.tool === 'ours');
      const worker = ours?.operationMs && { operationMs: ours.operationMs, cpuMs: ours.cpuMs, requests: ours.requests };
      const title =
        timing.kind === 'folder'
          ? `upload folder: ${options.folderFiles.toLocaleString('en')} files (r2.upload)`
          : `${timing.kind} ${mib} MiB file (r2.${timing.kind})`;
      process.stdout.write(
        `  ${title} (${profile}): VS Code ${(timing.ms / 1000).toFixed(2)} s, just before: the worker ${(timing.worker.operationMs / 1000).toFixed(2)} s, its operation in the extension host ${(timing.inHost.ms / 1000).toFixed(2)} s\n`,
      );
      return {
        kind: timing.kind,
        title,
        profile,
        bytes: timing.kind === 'folder' ? folderBytes : mib * MiB,
        vscodeMs: timing.ms,
        vscodeCpuMs: timing.cpuMs,
        requests: timing.requests,
        connections: timing.connections,
        paired: timing.worker,
        ratio: timing.ms / timing.worker.operationMs,
        inHost: timing.inHost,
        workerCaseId,
        worker,
        workerRatio: worker && timing.ms / worker.operationMs.median,
      };
    });
  } finally {
    for (const prefix of [folderPrefix, workerPrefix, hostPrefix]) {
      await deletePrefix(client, { bucket, prefix }, signal());
    }
    for (const key of [downloadKey, uploadKey, workerKey, hostKey]) {
      await deleteObject(client, { bucket, key }, signal());
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
