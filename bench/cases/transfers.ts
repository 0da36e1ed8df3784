// The transfer and listing cases: ours (a worker process using src/r2) beside awscli and rclone.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deleteObject, deletePrefix, headObject, uploadFile } from '../../src/r2';
import type { R2Client } from '../../src/r2';
import type { Command } from '../measure';
import type { BenchOptions } from '../options';
import { peers } from '../peers';
import { randomFile, smallFilesFolder } from '../fixtures';
import type { Target } from '../target';
import { workerEnv } from '../target';
import type { CaseResult, Round } from './caseRunner';
import { runCase } from './caseRunner';

const MiB = 1024 ** 2;

export interface TransferContext {
  options: BenchOptions;
  target: Target;
  /** The runner's own client, for setup, checks and cleanup (never timed). */
  client: R2Client;
  /** Scratch folder, removed at the end. */
  dir: string;
}

export const signal = () => AbortSignal.timeout(30 * 60_000);

export function ours(target: Target, worker: string, args: string[], tool = 'ours'): Command {
  return {
    tool,
    file: process.execPath,
    args: ['--expose-gc', join(__dirname, '..', 'workers', `${worker}.js`), ...args],
    env: workerEnv(target),
  };
}

async function expectSize(client: R2Client, bucket: string, key: string, size: number, tool: string): Promise<void> {
  const head = await headObject(client, { bucket, key }, signal());
  if (head.size !== size) {
    throw new Error(`${tool} stored ${head.size} bytes for ${key}, not ${size}`);
  }
}

/** Part (or range) size and how many in flight: a point of the curve case, beside src/r2's defaults. */
export interface CurvePoint {
  sizeMiB: number;
  inFlight: number;
}

/** What runs beside ours: the peers, nothing (a memory check), or ours with other settings. */
export type Beside = 'peers' | 'nothing' | readonly CurvePoint[];

const curveTool = ({ sizeMiB, inFlight }: CurvePoint) => `ours (${sizeMiB} MiB × ${inFlight})`;
const curveArgs = ({ sizeMiB, inFlight }: CurvePoint) => [String(sizeMiB), String(inFlight)];
const fileSafe = (tool: string) => tool.replace(/\W+/g, '-');

function caseName(kind: string, mib: number, beside: Beside): [string, string] {
  return Array.isArray(beside)
    ? [`curve-${kind}-${mib}`, `${kind} ${mib} MiB file: part size × in flight`]
    : [`${kind}-${mib}`, `${kind} ${mib} MiB file`];
}

export async function uploadCase(ctx: TransferContext, mib: number, beside: Beside): Promise<CaseResult> {
  const { target, client, dir, options } = ctx;
  const file = randomFile(join(dir, `upload-${mib}.bin`), mib);
  const [id, title] = caseName('upload', mib, beside);
  try {
    return await runCase(
      id,
      title,
      target,
      options.runs,
      async (run): Promise<Round> => {
        const key = (tool: string) => `bench-upload/${target.profile}/${fileSafe(tool)}-${mib}-${run}.bin`;
        return {
          commands: [
            ours(target, 'uploadFile', [file, key('ours')]),
            ...(beside === 'peers' ? peers.uploadFile(target, file, key) : []),
            ...(Array.isArray(beside)
              ? beside.map((point) =>
                  ours(target, 'uploadFile', [file, key(curveTool(point)), ...curveArgs(point)], curveTool(point)),
                )
              : []),
          ],
          settle: async (tool) => {
            await expectSize(client, target.bucket, key(tool), mib * MiB, tool);
            await deleteObject(client, { bucket: target.bucket, key: key(tool) }, signal());
          },
        };
      },
      mib * MiB,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

/** A diagnostic beside ours: the same download without the flush to disk, to show what it costs. */
const NO_FLUSH = 'ours (no flush)';

export async function downloadCase(ctx: TransferContext, mib: number, beside: Beside): Promise<CaseResult> {
  const { target, client, dir, options } = ctx;
  const [id, title] = caseName('download', mib, beside);
  const key = `bench-download/${mib}.bin`;
  const source = randomFile(join(dir, `download-source-${mib}.bin`), mib);
  // Uploaded once, by ours (8 MiB parts); every tool then downloads the same object.
  await uploadFile(client, { bucket: target.bucket, key, filePath: source }, signal());
  rmSync(source, { force: true });
  const destination = (tool: string) => join(dir, `downloaded-${fileSafe(tool)}-${mib}.bin`);
  try {
    return await runCase(
      id,
      title,
      target,
      options.runs,
      async (): Promise<Round> => ({
        commands: [
          ours(target, 'downloadFile', [key, destination('ours')]),
          ...(beside === 'peers'
            ? [
                ours(target, 'downloadNoFlush', [key, destination(NO_FLUSH)], NO_FLUSH),
                ...peers.downloadFile(target, key, destination),
              ]
            : []),
          ...(Array.isArray(beside)
            ? beside.map((point) =>
                ours(
                  target,
                  'downloadFile',
                  [key, destination(curveTool(point)), ...curveArgs(point)],
                  curveTool(point),
                ),
              )
            : []),
        ],
        settle: async (tool) => {
          const size = statSync(destination(tool)).size;
          rmSync(destination(tool), { force: true });
          if (size !== mib * MiB) {
            throw new Error(`${tool} wrote ${size} bytes, not ${mib * MiB}`);
          }
        },
      }),
      mib * MiB,
    );
  } finally {
    await deleteObject(client, { bucket: target.bucket, key }, signal());
  }
}

/** A folder of small files: requests in flight decide it on the link, CPU per request on loopback. */
export async function folderCase(ctx: TransferContext): Promise<CaseResult> {
  const { target, client, dir, options } = ctx;
  const folder = join(dir, 'folder');
  mkdirSync(folder, { recursive: true });
  const bytes = smallFilesFolder(folder, options.folderFiles);
  try {
    return await runCase(
      'folder',
      `upload folder: ${options.folderFiles.toLocaleString('en')} files of 1–64 KiB`,
      target,
      options.runs,
      async (run): Promise<Round> => {
        const prefix = (tool: string) => `bench-folder/${target.profile}/${tool}-${run}/`;
        return {
          commands: [
            ours(target, 'uploadFolder', [folder, prefix('ours'), String(options.folderConcurrency)]),
            ...peers.uploadFolder(target, folder, prefix),
          ],
          settle: async (tool) => {
            const result = await deletePrefix(client, { bucket: target.bucket, prefix: prefix(tool) }, signal());
            if (result.deleted !== options.folderFiles) {
              throw new Error(`${tool} uploaded ${result.deleted} files, not ${options.folderFiles}`);
            }
          },
        };
      },
      bytes,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function countKeys(tool: string, stdout: string): number {
  if (tool === 'ours') {
    return (JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { keys: number }).keys;
  }
  return stdout.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * Every key of a flat folder (no sub-folders): ours lists everything under it as the folder commands
 * do (key ranges in parallel), awscli everything under it page by page, rclone its one level page by
 * page. With no sub-folders, one level and everything below are the same set of keys (counted).
 */
export async function listCase(
  ctx: TransferContext,
  prefix: string,
  keys: number,
  withPeers: boolean,
): Promise<CaseResult> {
  const { target, options } = ctx;
  return await runCase(
    `list-${keys}`,
    `list ${keys.toLocaleString('en')} keys of a folder`,
    target,
    options.runs,
    async (): Promise<Round> => ({
      commands: [ours(target, 'list', [prefix]), ...(withPeers ? peers.list(target, prefix) : [])],
      settle: async (tool, measured) => {
        const listed = countKeys(tool, measured.stdout);
        if (listed !== keys) {
          throw new Error(`${tool} listed ${listed} keys under ${prefix}, not ${keys}`);
        }
      },
    }),
  );
}
