// Medians and ranges of repeated runs, and the ratios the table reports.

export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) {
    throw new Error('no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: [...samples] };
}

/**
 * How many times faster ours was than a peer, per run (peer time / our time in the same round), so
 * each ratio compares runs made under the same load. Above 1 ours is faster.
 */
export function speedRatios(ours: readonly number[], peer: readonly number[]): Spread {
  return spread(ours.map((ms, run) => peer[run] / ms));
}
