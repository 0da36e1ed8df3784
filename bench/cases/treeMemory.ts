// The extension host's memory after listing the large folder in the view, split into VS Code's share
// (the plain-tree extension listing as many rows the same way) and the extension's part (the rest).
// Medians over the sessions: a few MB of heap vary from one fresh code-server to the next.
import type { Spread } from '../summary';
import { spread } from '../summary';
import { atMost, TARGETS } from '../targets';
import type { SessionResult } from '../vscode/protocol';

type Memory = NonNullable<SessionResult['memory']>;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const range = (s: Spread) => `${mb(s.median)} (${mb(s.min)}–${mb(s.max)})`;

interface Growth {
  rss: Spread;
  heapUsed: Spread;
  heapTotal: Spread;
}

/** Since before activation, after a full collection each time. */
function growth(sessions: readonly Memory[]): Growth {
  const since = (measure: (m: Memory['afterListing']) => number) =>
    spread(sessions.map((m) => measure(m.afterListing) - measure(m.beforeActivation)));
  return {
    rss: since((m) => m.rssBytes),
    heapUsed: since((m) => m.heapUsedBytes),
    heapTotal: since((m) => m.heapTotalBytes),
  };
}

function growthCells(what: string, g: Growth, runs: number): string[] {
  return [
    `${what}, since before activation (median of ${runs} sessions)`,
    `+${range(g.rss)} RSS, +${range(g.heapUsed)} heap used`,
    `JS heap held by V8 (used or free) +${mb(g.heapTotal.median)}; the rest of the RSS is native memory and code`,
  ];
}

/** Table rows: ours, the plain tree, the difference, and the verdicts against the targets. */
export function treeMemoryRows(ours: readonly Memory[], plain: readonly Memory[]): string[][] {
  if (ours.length === 0 || plain.length === 0) {
    return [];
  }
  const keys = ours[0].keysListed.toLocaleString('en');
  const own = growth(ours);
  const vscode = growth(plain);
  const part = { rss: own.rss.median - vscode.rss.median, heap: own.heapUsed.median - vscode.heapUsed.median };
  const target = (limit: number) => `a quarter of ${mb(4 * limit)}, the part measured before the cut`;
  return [
    growthCells(`ours after listing ${keys} keys in the view`, own, ours.length),
    growthCells(
      `plain-tree extension (VS Code's share): ${plain[0].keysListed.toLocaleString('en')} rows in the same pages`,
      vscode,
      plain.length,
    ),
    [
      `the extension's part of listing ${keys} keys (ours − plain tree, medians): RSS`,
      mb(part.rss),
      `${atMost(part.rss, TARGETS.treeExtensionPartRssBytes, mb).text} (${target(TARGETS.treeExtensionPartRssBytes)})`,
    ],
    [
      '… heap used',
      mb(part.heap),
      `${atMost(part.heap, TARGETS.treeExtensionPartHeapBytes, mb).text} (${target(TARGETS.treeExtensionPartHeapBytes)})`,
    ],
  ];
}
