// The extension-cost and request-economy tables, with the targets and any excess over the minimum.
import type { RequestCounts } from '../localServer';
import type { Spread } from '../summary';
import { atMost, TARGETS } from '../targets';
import type { ActionCount } from '../vscode/protocol';
import type { ExtensionResult } from './extension';
import { treeMemoryRows } from './treeMemory';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(0)} kB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const range = (s: Spread, format: (n: number) => string) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function operations(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  return entries.length === 0 ? 'none' : entries.map(([op, n]) => `${n} ${op}`).join(' + ');
}

/** Requests beyond the minimum, by operation (and ones the minimum does not have at all). */
export function excess(requests: RequestCounts, minimum: Record<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [op, n] of Object.entries(requests.operations)) {
    const over = n - (minimum[op] ?? 0);
    if (over > 0) {
      extra[op] = over;
    }
  }
  return extra;
}

export function actionsTable(actions: readonly ActionCount[]): string {
  return table(
    ['user action', 'requests sent', 'class A', 'class B', 'minimum the S3 API allows', 'excess'],
    actions.map((a) => {
      const extra = excess(a.requests, a.minimum);
      return [
        a.action,
        operations(a.requests.operations),
        String(a.requests.classA),
        String(a.requests.classB),
        `${operations(a.minimum)} (${a.why})`,
        Object.keys(extra).length === 0 ? 'none' : `**${operations(extra)}**`,
      ];
    }),
  );
}

export function extensionReport(result: ExtensionResult): string {
  const rows: string[][] = [];
  if (result.vscodeActivationMs) {
    const verdict = atMost(result.vscodeActivationMs.median, TARGETS.activationMs, ms);
    rows.push([
      'activation as VS Code reports it (code loading + activate(); cold, fresh code-server each)',
      range(result.vscodeActivationMs, ms),
      verdict.text,
    ]);
  }
  if (result.emptyActivationMs) {
    rows.push([
      "… the same for an extension whose activate() is empty (VS Code's own share)",
      range(result.emptyActivationMs, ms),
      '',
    ]);
  }
  if (result.activationMs) {
    rows.push([
      '`extension.activate()` awaited from a test module (adds VS Code preparing storage, localization)',
      range(result.activationMs, ms),
      '',
    ]);
  }
  for (const { file, bytes, loaded } of result.bundles) {
    rows.push([`${file} (production build)`, kb(bytes), `loaded ${loaded}`]);
  }
  rows.push(['.vsix', kb(result.vsixBytes), atMost(result.vsixBytes, TARGETS.vsixBytes, kb).text]);
  const memory = result.sessions.find((s) => s.memory)?.memory;
  if (memory) {
    const { beforeActivation: before, afterActivation: activated, afterListing: listed } = memory;
    rows.push([
      'extension host before activation (RSS / heap used)',
      `${mb(before.rssBytes)} / ${mb(before.heapUsedBytes)}`,
      '',
    ]);
    rows.push([
      '… after activation',
      `${mb(activated.rssBytes)} / ${mb(activated.heapUsedBytes)}`,
      `+${mb(activated.rssBytes - before.rssBytes)} RSS`,
    ]);
    rows.push([
      `… after listing ${memory.keysListed.toLocaleString('en')} keys in the view (${memory.listingRequests.total} requests)`,
      `${mb(listed.rssBytes)} / ${mb(listed.heapUsedBytes)}`,
      `+${mb(listed.rssBytes - before.rssBytes)} RSS, +${mb(listed.heapUsedBytes - before.heapUsedBytes)} heap since before activation`,
    ]);
    rows.push(
      ...treeMemoryRows(
        result.sessions.flatMap((s) => (s.memory ? [s.memory] : [])),
        result.plainTree.flatMap((s) => (s.memory ? [s.memory] : [])),
      ),
    );
  }
  const parts = [table(['extension cost', 'measured', 'target / note'], rows)];
  const actions = result.sessions.find((s) => s.actions)?.actions;
  if (actions) {
    parts.push(actionsTable(actions));
  }
  return parts.join('\n\n');
}
