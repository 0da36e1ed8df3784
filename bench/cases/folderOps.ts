// Issue 17's whole-folder measurements: a folder of small objects renamed (moved) within its bucket,
// and one object over 5 GiB copied, both on the server (no bytes through the tools), beside
// `aws s3 mv --recursive` / `rclone move` and `aws s3 cp` / `rclone copyto`. Requests by operation
// come from the local server. Each result is checked on the server before it counts.
import { deleteObject, deletePrefix, headObject, listPage } from '../../src/r2';
import { peers } from '../peers';
import { putKeys } from '../seed';
import type { CaseResult, Round } from './caseRunner';
import { runCase } from './caseRunner';
import type { TransferContext } from './transfers';
import { ours, signal } from './transfers';

const MiB = 1024 ** 2;

async function keysUnder(ctx: TransferContext, prefix: string): Promise<number> {
  let keys = 0;
  let token: string | undefined;
  do {
    const page = await listPage(ctx.client, { bucket: ctx.target.bucket, prefix, token, delimiter: '' }, signal());
    keys += page.objects.length;
    token = page.nextToken;
  } while (token !== undefined);
  return keys;
}

export async function moveFolderCase(ctx: TransferContext): Promise<CaseResult> {
  const { target, client, options } = ctx;
  const files = options.folderFiles;
  return await runCase(
    'move',
    `rename a folder of ${files.toLocaleString('en')} objects`,
    target,
    options.runs,
    async (run): Promise<Round> => {
      const place = (tool: string, name: string) =>
        `bench-move/${target.profile}/${tool.replace(/\W+/g, '-')}-${run}/${name}/`;
      const from = (tool: string) => place(tool, 'before');
      const to = (tool: string) => place(tool, 'after');
      const commands = [ours(target, 'moveFolder', [from('ours'), to('ours')]), ...peers.moveFolder(target, from, to)];
      // Untimed: each tool's folder, written through the loopback client whatever the profile.
      for (const { tool } of commands) {
        await putKeys(client, target.bucket, { prefix: from(tool), keys: files }, 'x'.repeat(1024), signal());
      }
      return {
        commands,
        settle: async (tool) => {
          const [left, moved] = [await keysUnder(ctx, from(tool)), await keysUnder(ctx, to(tool))];
          await deletePrefix(client, { bucket: target.bucket, prefix: place(tool, '') }, signal());
          if (left !== 0 || moved !== files) {
            throw new Error(`${tool} left ${left} objects in the folder and moved ${moved}, not ${files}`);
          }
        },
      };
    },
  );
}

/** The object the bigcopy case copies; the runner puts it there before the cases run. */
export const BIG_COPY_KEY = 'bench-copy/source.bin';

export async function bigCopyCase(ctx: TransferContext): Promise<CaseResult> {
  const { target, client, options } = ctx;
  const bytes = options.copyMiB * MiB;
  return await runCase(
    `bigcopy-${options.copyMiB}`,
    `copy a ${(bytes / 1024 ** 3).toFixed(0)} GiB object on the server`,
    target,
    options.runs,
    async (run): Promise<Round> => {
      const copyKey = (tool: string) => `bench-copy/${target.profile}/${tool.replace(/\W+/g, '-')}-${run}.bin`;
      const folder = `bench-copy/${target.profile}/`;
      return {
        // Ours copies into a folder, keeping the object's name, as Copy to… does.
        commands: [
          ours(target, 'copyObject', [BIG_COPY_KEY, `${folder}ours-${run}/`]),
          ...peers.copyObject(target, BIG_COPY_KEY, copyKey),
        ],
        settle: async (tool) => {
          const key = tool === 'ours' ? `${folder}ours-${run}/source.bin` : copyKey(tool);
          const { size } = await headObject(client, { bucket: target.bucket, key }, signal());
          await deleteObject(client, { bucket: target.bucket, key }, signal());
          if (size !== bytes) {
            throw new Error(`${tool} made a copy of ${size} bytes, not ${bytes}`);
          }
        },
      };
    },
    bytes,
  );
}
