// What a value keeps alive, read from a V8 heap snapshot: the bytes reachable from it and the strings
// among them that are views into another string. V8 makes a slice of 13 characters or more a view
// (a sliced string) that keeps the whole string it was cut from, so one field cut from an XML answer
// can keep the whole answer alive: nothing in JavaScript shows it, the heap snapshot does.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface Held {
  /** Self sizes of everything reachable from the value, shared hidden classes and prototypes aside. */
  bytes: number;
  /** Reachable strings that are views into another string, and what those hold. */
  views: number;
  /** The largest string reachable, in bytes: a whole answer kept alive shows here. */
  largestString: number;
  /** Each node type reachable, by bytes ("object", "string", "sliced string", …). */
  byType: Record<string, number>;
}

/**
 * What the value that a global property named `name` held when the snapshot was written keeps
 * alive (e.g. `globalThis[name] = value; writeHeapSnapshot(file)`). Edges to shapes (`map`), to
 * prototypes and weak edges are not followed: those are shared, not held.
 */
export function heldBy(snapshotFile: string, name: string): Held {
  const heap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
  const {
    node_fields: nodeFields,
    node_types: nodeTypes,
    edge_fields: edgeFields,
    edge_types: edgeTypes,
  } = heap.snapshot.meta;
  const [type, size, edgeCount] = ['type', 'self_size', 'edge_count'].map((field) => nodeFields.indexOf(field));
  const [edgeType, edgeName, toNode] = ['type', 'name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field));
  const nodeCount = heap.nodes.length / nodeFields.length;
  const firstEdge = new Int32Array(nodeCount + 1);
  for (let node = 0, edge = 0; node < nodeCount; node++) {
    firstEdge[node] = edge;
    edge += heap.nodes[node * nodeFields.length + edgeCount] * edgeFields.length;
  }
  firstEdge[nodeCount] = heap.edges.length;
  const named = (edge: number) => {
    const kind = edgeTypes[0][heap.edges[edge + edgeType]];
    return kind === 'element' || kind === 'hidden' ? undefined : heap.strings[heap.edges[edge + edgeName]];
  };
  const followed = (edge: number) => {
    const kind = edgeTypes[0][heap.edges[edge + edgeType]];
    const edgeLabel = named(edge);
    return kind !== 'weak' && kind !== 'shortcut' && edgeLabel !== 'map' && edgeLabel !== '__proto__';
  };

  let root: number | undefined;
  for (let edge = 0; edge < heap.edges.length && root === undefined; edge += edgeFields.length) {
    if (edgeTypes[0][heap.edges[edge + edgeType]] === 'property' && named(edge) === name) {
      root = heap.edges[edge + toNode] / nodeFields.length;
    }
  }
  if (root === undefined) {
    throw new Error(`no property ${name} in ${snapshotFile}`);
  }
  const held: Held = { bytes: 0, views: 0, largestString: 0, byType: {} };
  const seen = new Set<number>([root]);
  const queue = [root];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    const kind = nodeTypes[0][heap.nodes[node * nodeFields.length + type]];
    const bytes = heap.nodes[node * nodeFields.length + size];
    held.bytes += bytes;
    held.byType[kind] = (held.byType[kind] ?? 0) + bytes;
    if (kind === 'sliced string') {
      held.views++;
    }
    if (kind === 'string') {
      held.largestString = Math.max(held.largestString, bytes);
    }
    for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeFields.length) {
      const next = heap.edges[edge + toNode] / nodeFields.length;
      if (followed(edge) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return held;
}
