// Runs inside VS Code's extension host (the `run()` contract of @vscode/test-electron), loaded from
// the folder of the extension under test so that it shares the extension's `vscode` API object.
// It imports nothing that would load the S3 SDK beside the extension's own bundle: the memory it
// reports is the extension's. Talks to the local server only through its control endpoints.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { AccountNode } from '../../src/tree/accountNode';
import type { ExplorerNode } from '../../src/tree/explorerNode';
import type { ListingNode } from '../../src/tree/listingNode';
import type { RequestCounts } from '../localServer';
import { measureActions } from './actions';
import { addAccount, EXTENSION_ID, serverCounts, setting } from './host';
import { pageThrough } from './paging';
import type { PlainTreeApi } from './plainTree';
import { measureTransfers } from './transfers';
import type { MemorySnapshot, SessionMode, SessionResult, VsCodeActivationMarks } from './protocol';
import { SESSION_ENV } from './protocol';

/** A full collection before each snapshot, so heap numbers are what is retained, not garbage. */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Measured after full collections; with R2_BENCH_HEAP_SNAPSHOTS set, a heap snapshot follows. The
 * ArrayBuffers a collection frees are released on a background thread: a second collection after a
 * pause measures what is left.
 */
async function memory(mode: SessionMode, moment: string): Promise<MemorySnapshot> {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 500));
  collect();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const snapshots = process.env[SESSION_ENV.heapSnapshots];
  if (snapshots) {
    writeHeapSnapshot(join(snapshots, `${mode}-${moment}.heapsnapshot`));
  }
  return { rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, externalBytes: external };
}

/** Polls `probe` (no requests of its own) until the tree has loaded what it reports. */
async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Lists every page of a large folder with the view open, as a user would: expand the account, the
 * bucket and the folder (the view itself fetches each level), then "Load more…" until the end. The
 * nodes are the view's own instances, and the last object is revealed so that VS Code holds the
 * whole level as tree items.
 */
async function listLargeFolder(
  api: ExtensionApi,
  account: ExplorerNode,
): Promise<{ keys: number; requests: RequestCounts }> {
  await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
  await serverCounts.reset();
  const expand = { expand: true, select: false, focus: false };
  await api.view.reveal(account, expand);
  const bucket = await until('the bucket', () => (account as AccountNode).loadedBucket(setting('bucket')));
  await api.view.reveal(bucket, expand);
  const folder = (await until('the folder', () => bucket.loadedChild(setting('memoryFolder')))) as ListingNode;
  await api.view.reveal(folder, expand);
  await until('the first page', () => (folder.hasMore ? true : undefined));
  await pageThrough(
    api.explorer,
    folder,
    () => folder.hasMore,
    () => vscode.commands.executeCommand('r2.loadMore', folder),
  );
  const objects = (await folder.getChildren()).filter((node) => node instanceof Object && 'key' in node);
  await api.view.reveal(objects[objects.length - 1], { select: true, focus: false });
  return { keys: objects.length, requests: await serverCounts.read() };
}

/** The same in the plain-tree extension: as many keys, the same pages, VS Code's share alone. */
async function listPlainTree(api: PlainTreeApi): Promise<{ keys: number; requests: RequestCounts }> {
  await vscode.commands.executeCommand('workbench.view.extension.r2-explorer');
  await serverCounts.reset();
  const folder = api.show(setting('memoryFolder'), Number(setting('memoryKeys')));
  await api.view.reveal(folder, { expand: true, select: false, focus: false });
  await pageThrough(
    api.provider,
    folder,
    () => api.hasMore(),
    () => vscode.commands.executeCommand('r2.loadMore', folder),
  );
  const rows = ((await api.provider.getChildren(folder)) ?? []).filter((row) => 'key' in row);
  await api.view.reveal(rows[rows.length - 1], { select: true, focus: false });
  return { keys: rows.length, requests: await serverCounts.read() };
}

interface PerformanceMarks {
  getMarks(): Array<{ name: string; startTime: number }>;
}

/** VS Code's marks for this extension, from the extension host's global registry of them. */
function vscodeMarks(): VsCodeActivationMarks | undefined {
  const registry = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks;
  const at = (step: string) =>
    registry?.getMarks().find((mark) => mark.name === `code/extHost/${step}/${EXTENSION_ID}`)?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = [
    'willLoadExtensionCode',
    'didLoadExtensionCode',
    'willActivateExtension',
    'didActivateExtension',
  ].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) {
    return undefined;
  }
  return {
    codeLoadingMs: didLoad - willLoad,
    activateCallMs: didActivate - willActivate,
    totalMs: didActivate - willLoad,
  };
}

async function session(mode: SessionMode): Promise<SessionResult> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  const wasInactive = !extension.isActive;
  const measured = mode === 'memory' || mode === 'plainTree';
  const beforeActivation = measured ? await memory(mode, 'beforeActivation') : undefined;
  // From "activate this extension" to its API in hand: loading the bundle and running activate().
  const started = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - started;
  const result: SessionResult = { mode, wasInactive, activationMs, vscodeMarks: vscodeMarks() };
  if (measured && beforeActivation) {
    const afterActivation = await memory(mode, 'afterActivation');
    const listed =
      mode === 'memory'
        ? await listLargeFolder(api, await addAccount(api))
        : await listPlainTree(api as unknown as PlainTreeApi);
    // Let the workbench fetch and render what the reveal asked for before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    result.memory = {
      beforeActivation,
      afterActivation,
      afterListing: await memory(mode, 'afterListing'),
      keysListed: listed.keys,
      listingRequests: listed.requests,
    };
  } else if (mode === 'requests') {
    result.actions = await measureActions(api, await addAccount(api));
  } else if (mode === 'transfers') {
    result.transfers = await measureTransfers(api);
  }
  return result;
}

export async function run(): Promise<void> {
  const mode = setting('mode') as SessionMode;
  const result = await session(mode);
  writeFileSync(setting('resultFile'), JSON.stringify(result));
}
