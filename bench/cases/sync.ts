// Issue 17's sync measurement: a folder of small files synced once by each tool (untimed, over
// loopback, each tool into its own prefix so each finds what it left itself), then 10% of the files
// rewritten (same size, new bytes) and 1% deleted, then the timed sync with deletion. Each result is
// checked key by key against the folder's MD5s, then the same sync runs again with nothing changed:
// what each tool sends then is reported, and ours must send only the listing.
import { createHash } from 'node:crypto';
import { randomFillSync } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deletePrefix, listPage } from '../../src/r2';
import type { RequestCounts } from '../localServer';
import { measure } from '../measure';
import { peers } from '../peers';
import { smallFilePath, smallFilesFolder } from '../fixtures';
import type { Target } from '../target';
import type { CaseResult, Round } from './caseRunner';
import { runCase } from './caseRunner';
import type { TransferContext } from './transfers';
import { ours, signal } from './transfers';

/** Every tenth file is rewritten, every hundredth deleted (never the same file). */
const isChanged = (index: number) => index % 10 === 3;
const isDeleted = (index: number) => index % 100 === 7;

function commandsFor(target: Target, folder: string, prefix: (tool: string) => string) {
  return [ours(target, 'sync', [folder, prefix('ours')]), ...peers.sync(target, folder, prefix)];
}

/** The folder after the changes: relative key → MD5 of its bytes. */
function change(folder: string, files: number): Map<string, string> {
  const expected = new Map<string, string>();
  for (let i = 0; i < files; i++) {
    const path = smallFilePath(folder, i);
    if (isDeleted(i)) {
      rmSync(path);
      continue;
    }
    if (isChanged(i)) {
      writeFileSync(path, randomFillSync(Buffer.alloc(statSync(path).size)));
    }
    const key = relative(folder, path).split(sep).join('/');
    expected.set(key, createHash('md5').update(readFileSync(path)).digest('hex'));
  }
  return expected;
}

async function listed(ctx: TransferContext, prefix: string): Promise<Map<string, string>> {
  const { client, target } = ctx;
  const etags = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await listPage(client, { bucket: target.bucket, prefix, token, delimiter: '' }, signal());
    for (const object of page.objects) {
      etags.set(object.key.slice(prefix.length), object.etag);
    }
    token = page.nextToken;
  } while (token !== undefined);
  return etags;
}

/** Only ListObjectsV2, as many as the plan's listing sent (its worker prints `listRequests`). */
function onlyListing(requests: RequestCounts, stdout: string): boolean {
  const { listRequests } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { listRequests?: number };
  return requests.total === listRequests && requests.operations.ListObjectsV2 === requests.total;
}

export async function syncCase(ctx: TransferContext, seed: Target): Promise<CaseResult> {
  const { target, options, dir } = ctx;
  const folder = `${dir}/sync`;
  const files = options.folderFiles;
  const secondSync: Record<string, RequestCounts | undefined> = {};
  try {
    const result = await runCase(
      'sync',
      `sync a folder of ${files.toLocaleString('en')} files, 10% changed, 1% deleted`,
      target,
      options.runs,
      async (run): Promise<Round> => {
        const prefix = (tool: string) => `bench-sync/${target.profile}/${tool.replace(/\W+/g, '-')}-${run}/`;
        rmSync(folder, { recursive: true, force: true });
        smallFilesFolder(folder, files);
        for (const command of commandsFor(seed, folder, prefix)) {
          await measure(command);
        }
        // awscli compares modification times in whole seconds: a file rewritten within the second
        // of its upload would look unchanged to it.
        await sleep(1100);
        const expected = change(folder, files);
        const commands = commandsFor(target, folder, prefix);
        return {
          commands,
          settle: async (tool) => {
            const etags = await listed(ctx, prefix(tool));
            const wrong = [...expected].filter(([key, md5]) => etags.get(key) !== md5).length;
            if (wrong > 0 || etags.size !== expected.size) {
              throw new Error(
                `${tool} left ${etags.size} keys (${wrong} not as the folder has them), not ${expected.size}`,
              );
            }
            await target.counts?.resetStats();
            const measured = await measure(commands.find((command) => command.tool === tool)!);
            secondSync[tool] = await target.counts?.stats();
            const again = secondSync[tool];
            if (tool === 'ours' && again && !onlyListing(again, measured.stdout)) {
              throw new Error(
                `ours sent more than the listing with nothing changed: ${JSON.stringify(again.operations)}`,
              );
            }
            await deletePrefix(ctx.client, { bucket: target.bucket, prefix: prefix(tool) }, signal());
          },
        };
      },
    );
    return { ...result, secondSync };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
