// What a heap holds by constructor, and what grew between two snapshots (R2_BENCH_HEAP_SNAPSHOTS
// makes the memory sessions write them): `node bench/out/bench/heapSummary.js before after [rows]`.
// Objects are grouped by constructor name; strings, arrays, closures, code by their kind.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export interface Group {
  count: number;
  bytes: number;
}

/** Self sizes by group; a group is the constructor for objects, the kind for everything else. */
export function summarize(file: string): Map<string, Group> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const groups = new Map<string, Group>();
  for (let at = 0; at < heap.nodes.length; at += fields.length) {
    const kind = types[heap.nodes[at + type]];
    const key = kind === 'object' ? heap.strings[heap.nodes[at + name]] : `(${kind})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += heap.nodes[at + size];
    groups.set(key, group);
  }
  return groups;
}

/** The groups that grew most from `before` to `after`, largest first. */
export function growth(before: Map<string, Group>, after: Map<string, Group>, rows: number): string[] {
  const grown = [...after].map(([key, { count, bytes }]) => {
    const was = before.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: count - was.count, bytes: bytes - was.bytes };
  });
  grown.sort((a, b) => b.bytes - a.bytes);
  const total = grown.reduce((sum, group) => sum + group.bytes, 0);
  return [
    `total: ${(total / 1e6).toFixed(1)} MB`,
    ...grown
      .slice(0, rows)
      .map((g) => `${(g.bytes / 1e6).toFixed(2).padStart(8)} MB ${String(g.count).padStart(8)}  ${g.key}`),
  ];
}

if (require.main === module) {
  const [before, after, rows] = process.argv.slice(2);
  console.log(growth(summarize(before), summarize(after), Number(rows ?? 30)).join('\n'));
}
