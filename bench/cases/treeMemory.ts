// The extension host's memory after listing the large folder in the view, split into VS Code's share
// (the plain-tree extension listing as many rows the same way) and the extension's part (the rest).
// The part compares the two after the listing: before activation, the extension host of a fresh
// code-server holds 35 to 51 MB of heap depending on what VS Code has loaded yet, which made growth
// "since before activation" vary by more than the part itself. Medians over the sessions.
import type { Spread } from '../summary';
import { spread } from '../summary';
import { atMost, TARGETS } from '../targets';
import type { MemorySnapshot, SessionResult } from '../vscode/protocol';

type Memory = NonNullable<SessionResult['memory']>;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const range = (s: Spread) => `${mb(s.median)} (${mb(s.min)}–${mb(s.max)})`;

function after(sessions: readonly Memory[], measure: (m: MemorySnapshot) => number): Spread {
  return spread(sessions.map((m) => measure(m.afterListing)));
}

function row(what: string, sessions: readonly Memory[]): string[] {
  const growth = spread(sessions.map((m) => m.afterListing.rssBytes - m.beforeActivation.rssBytes));
  return [
    `${what}: extension host after the listing (median of ${sessions.length} sessions)`,
    `${range(after(sessions, (m) => m.rssBytes))} RSS, ${range(after(sessions, (m) => m.heapUsedBytes))} heap used`,
    `V8 heap held (used or free) ${mb(after(sessions, (m) => m.heapTotalBytes).median)}, ArrayBuffers and other external ${mb(after(sessions, (m) => m.externalBytes).median)}; +${mb(growth.median)} RSS since before activation`,
  ];
}

/** Table rows: ours, the plain tree, the difference, and the verdicts against the targets. */
export function treeMemoryRows(ours: readonly Memory[], plain: readonly Memory[]): string[][] {
  if (ours.length === 0 || plain.length === 0) {
    return [];
  }
  const keys = ours[0].keysListed.toLocaleString('en');
  const part = (measure: (m: MemorySnapshot) => number) => after(ours, measure).median - after(plain, measure).median;
  const target = (limit: number) => `target: a quarter of ${mb(4 * limit)}, the part before the cut`;
  const rss = part((m) => m.rssBytes);
  const heap = part((m) => m.heapUsedBytes);
  return [
    row(`ours, ${keys} keys listed in the view`, ours),
    row(
      `plain-tree extension, ${plain[0].keysListed.toLocaleString('en')} rows in the same pages (VS Code's share)`,
      plain,
    ),
    [
      `the extension's part of listing ${keys} keys (ours − plain tree, medians): heap used`,
      mb(heap),
      `${atMost(heap, TARGETS.treeExtensionPartHeapBytes, mb).text}; ${target(TARGETS.treeExtensionPartHeapBytes)}`,
    ],
    [
      '… RSS',
      mb(rss),
      `${atMost(rss, TARGETS.treeExtensionPartRssBytes, mb).text}; ${target(TARGETS.treeExtensionPartRssBytes)}`,
    ],
  ];
}
