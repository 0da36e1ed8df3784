// `npm run bench`: transfers and listing beside awscli and rclone, request economy counted by the
// local R2 server, and the extension's own cost inside VS Code. Prints a table, writes
// bench/results/latest.json. Settings: bench/options.ts (environment variables).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CaseResult } from './cases/caseRunner';
import { measureExtension, packageExtension } from './cases/extension';
import type { ExtensionResult } from './cases/extension';
import { BIG_COPY_KEY, bigCopyCase, moveFolderCase } from './cases/folderOps';
import { syncCase } from './cases/sync';
import { downloadCase, folderCase, listCase, uploadCase } from './cases/transfers';
import type { CurvePoint, TransferContext } from './cases/transfers';
import { vscodeTransfersCase } from './cases/vscodeTransfers';
import type { VsCodeTransfer } from './cases/vscodeTransfers';
import { startLinkProxy } from './linkProxy';
import type { LinkProxy } from './linkProxy';
import { startLocalServer } from './localServer';
import { pageReportingDelayMs } from './pageReporting';
import type { LocalServer } from './localServer';
import type { BenchOptions, CaseName } from './options';
import { readOptions } from './options';
import { RESULTS_DIR } from './paths';
import { AWS, RCLONE } from './peers';
import { printReport } from './report';
import { seedLocalStore, seedOverS3 } from './seed';
import type { SeedFolder } from './seed';
import { clientFor } from './target';
import type { Target } from './target';

export interface BenchResults {
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    loadAverageAtStart: number[];
    /** See pageReporting.ts; undefined where the kernel reports no freed pages. */
    pageReportingDelayMs?: number;
    node: string;
    aws: string;
    rclone: string;
  };
  server: string;
  options: Omit<BenchOptions, 'external' | 'cases'> & { cases: string[] };
  cases: CaseResult[];
  /** The large transfers and the folder as commands inside VS Code, beside the worker cases. */
  vscodeTransfers?: VsCodeTransfer[];
  extension?: ExtensionResult;
}

function version(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', env: { ...process.env, AWS_CONFIG_FILE: '/dev/null' } })
    .split('\n')[0]
    .trim();
}

export function listFolders(options: BenchOptions): SeedFolder[] {
  return [
    { prefix: `list-${options.listKeys}/`, keys: options.listKeys },
    { prefix: `list-${options.listKeysSmall}/`, keys: options.listKeysSmall },
  ];
}

/**
 * The curve case: ours with these part (range) sizes and parts (ranges) in flight, beside src/r2's
 * defaults (upload 8 MiB × 4, download 64 MiB × 4), to see what each profile wants.
 */
const CURVE: CurvePoint[] = [8, 16, 64].flatMap((sizeMiB) => [4, 8, 16].map((inFlight) => ({ sizeMiB, inFlight })));

/** A little over one page: enough for "expand" and one "load more". Its text object sorts first. */
const ECONOMY = { folder: { prefix: 'economy/', keys: 1200 }, object: 'economy/a-notes.txt' };

async function main(): Promise<void> {
  // Node 20 is what this project targets; the SDK's notice about its future support is noise here
  // (and in every worker, which inherit the environment).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const options = readOptions();
  const started = new Date();
  const scratch = mkdtempSync(join(options.tmp, 'r2-bench-'));
  const loadAverageAtStart = loadavg();
  let server: LocalServer | undefined;
  let proxy: LinkProxy | undefined;
  try {
    // The local server always runs: it counts requests for the request-economy and VS Code cases.
    const dataDir = join(scratch, 'server');
    mkdirSync(dataDir);
    const folders = listFolders(options);
    console.log(
      `seeding the local server's store (${[...folders, ECONOMY.folder].map((f) => f.keys).join(' + ')} keys)…`,
    );
    const bigCopy = options.cases.has('bigcopy')
      ? { key: BIG_COPY_KEY, bytes: options.copyMiB * 1024 ** 2 }
      : undefined;
    seedLocalStore(dataDir, options.bucket, [...folders, ECONOMY.folder], bigCopy);
    server = await startLocalServer(dataDir);
    const local: Target = {
      name: 'local R2 server (test/support/r2server)',
      url: server.endpoint,
      credentials: server.credentials,
      bucket: options.bucket,
      profile: 'loopback',
      counts: server,
    };
    const target: Target = options.external
      ? {
          name: options.external.name,
          url: options.external.url,
          credentials: options.external.credentials,
          bucket: options.bucket,
          profile: 'loopback',
        }
      : local;
    const client = clientFor(target);
    if (options.external) {
      await seedOverS3(client, options.bucket, folders, bigCopy, scratch, AbortSignal.timeout(60 * 60_000));
    }
    const link = { rttMs: options.linkRttMs, bytesPerSecond: options.linkMBps * 1e6 };
    proxy = options.profiles.includes('link') ? await startLinkProxy(target.url, link) : undefined;
    const profiles: Target[] = options.profiles.map((profile) =>
      profile === 'loopback' ? target : { ...target, profile, url: proxy!.url, traffic: proxy },
    );
    const cases: CaseResult[] = [];
    const vscodeTransfers: VsCodeTransfer[] = [];
    const want = (name: CaseName) => options.cases.has(name);
    const transferStage = join(scratch, 'extension-transfers');
    if (want('vscode-transfers')) {
      console.log('packaging the extension for the transfers inside VS Code…');
      packageExtension(transferStage);
    }
    console.log(
      `target: ${target.name} at ${target.url}; profiles: ${options.profiles.join(', ')} (link: ${link.rttMs} ms round trip, ${options.linkMBps} MB/s per connection); ${options.runs} runs per case`,
    );
    // Each case in every profile, one after the other; the smaller sizes (a memory check of ours) on loopback.
    for (const profiled of profiles) {
      const ctx: TransferContext = { options, target: profiled, client, dir: scratch };
      const loopback = profiled.profile === 'loopback';
      if (want('upload')) {
        cases.push(await uploadCase(ctx, options.largeMiB, 'peers'));
        if (loopback) {
          cases.push(await uploadCase(ctx, options.smallMiB, 'nothing'));
        }
      }
      if (want('download')) {
        cases.push(await downloadCase(ctx, options.largeMiB, 'peers'));
        if (loopback) {
          cases.push(await downloadCase(ctx, options.smallMiB, 'nothing'));
        }
      }
      if (want('folder')) {
        cases.push(await folderCase(ctx));
      }
      if (want('list')) {
        cases.push(await listCase(ctx, folders[0].prefix, folders[0].keys, true));
        if (loopback) {
          cases.push(await listCase(ctx, folders[1].prefix, folders[1].keys, false));
        }
      }
      if (want('sync')) {
        cases.push(await syncCase(ctx, target));
      }
      if (want('move')) {
        cases.push(await moveFolderCase(ctx));
      }
      // No bytes cross the link in a copy on the server, only its requests: loopback shows the server's work.
      if (want('bigcopy') && loopback) {
        cases.push(await bigCopyCase(ctx));
      }
      if (want('curve')) {
        cases.push(await uploadCase(ctx, options.largeMiB, CURVE));
        cases.push(await downloadCase(ctx, options.largeMiB, CURVE));
      }
      if (want('vscode-transfers')) {
        const mine = cases.filter((c) => c.profile === profiled.profile);
        vscodeTransfers.push(...(await vscodeTransfersCase(ctx, transferStage, server, mine)));
      }
    }
    client.destroy();
    const extension =
      want('requests') || want('extension')
        ? await measureExtension(
            options,
            server,
            { memory: folders[1], economy: ECONOMY.folder, economyObject: ECONOMY.object },
            scratch,
          )
        : undefined;

    const results: BenchResults = {
      startedAt: started.toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        loadAverageAtStart,
        pageReportingDelayMs: pageReportingDelayMs(),
        node: process.version,
        aws: version(AWS, ['--version']),
        rclone: version(RCLONE, ['--version']),
      },
      server: target.name,
      options: { ...options, external: undefined, cases: [...options.cases] } as BenchResults['options'],
      cases,
      vscodeTransfers: want('vscode-transfers') ? vscodeTransfers : undefined,
      extension,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    printReport(results);
    console.log(`\nJSON: ${join(RESULTS_DIR, 'latest.json')}`);
  } finally {
    await proxy?.stop();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
