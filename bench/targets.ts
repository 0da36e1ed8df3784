// The targets, and how far a result is from each.

export const TARGETS = {
  /** Ours vs the faster peer, median of per-round ratios: transfers on loopback (issue 20). */
  loopbackRatio: 0.8,
  /** Ours vs the faster peer on the link profile: transfers, listing and sync (issues 17 and 20). */
  linkRatio: 1.2,
  /** Ours' CPU time per GiB moved over rclone's, transfers on loopback (issue 20). */
  cpuPerGiBVsRclone: 1.5,
  /** A transfer as the command inside VS Code over the same in the worker: within 10% (issue 20). */
  vscodeOverWorker: 1.1,
  /** Peak RSS of ours in the 1 GiB cases. */
  transferPeakRssBytes: 150e6,
  /** Ours vs awscli listing 100,000 keys. */
  listRatioVsAws: 1.0,
  activationMs: 50,
  vsixBytes: 1e6,
  /**
   * The extension's part of the extension host after listing 10,000 keys in the view (ours less the
   * plain tree of as many rows): at most a quarter of the part before the cut (issue 20), measured
   * with this bench on 2026-12-01 (medians of three sessions each): 10.2 MB heap, 36.4 MB RSS.
   */
  treeExtensionPartRssBytes: 36.4e6 / 4,
  treeExtensionPartHeapBytes: 10.2e6 / 4,
  /** Peak RSS counts as flat when the larger case needs at most this much more. */
  flatRssSlackBytes: 16e6,
} as const;

export interface Verdict {
  met: boolean;
  /** e.g. "met", "missed by 12% (0.88×)". */
  text: string;
}

export function atLeastRatio(value: number, target: number): Verdict {
  if (value >= target) {
    return { met: true, text: `met (${value.toFixed(2)}× ≥ ${target.toFixed(1)}×)` };
  }
  return {
    met: false,
    text: `MISSED by ${((1 - value / target) * 100).toFixed(0)}% (${value.toFixed(2)}× < ${target.toFixed(1)}×)`,
  };
}

export function atMostRatio(value: number, target: number, what: string): Verdict {
  const text = `${value.toFixed(2)}× ${what}`;
  return value <= target
    ? { met: true, text: `met (${text} ≤ ${target.toFixed(1)}×)` }
    : { met: false, text: `MISSED by ${((value / target - 1) * 100).toFixed(0)}% (${text} > ${target.toFixed(1)}×)` };
}

export function atMost(value: number, limit: number, unit: (n: number) => string): Verdict {
  if (value < limit) {
    return { met: true, text: `met (${unit(value)} < ${unit(limit)})` };
  }
  return { met: false, text: `MISSED by ${unit(value - limit)} (${unit(value)} ≥ ${unit(limit)})` };
}
