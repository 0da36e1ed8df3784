// Keys sort like R2 and S3 list them: by UTF-8 bytes, i.e. by code point. JavaScript's `<` compares
// UTF-16 units, which disagrees for astral characters (surrogates) against U+E000..U+FFFF.

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) {
    return unit + 0x2000;
  }
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return codePointRank(x) - codePointRank(y);
    }
  }
  return a.length - b.length;
}

/** First index whose key is >= key (or > key when `strict`). */
export function searchKeys(keys: readonly string[], key: string, strict: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys(keys[mid], key);
    if (c < 0 || (strict && c === 0)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** First index at or after `from` whose key does not start with `prefix` (those keys are contiguous). */
export function endOfPrefix(keys: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid].startsWith(prefix)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** A set of keys kept sorted, for listings that start anywhere in O(log n). */
export class SortedKeys {
  private readonly keys: string[];

  constructor(keys: Iterable<string> = []) {
    this.keys = [...keys].sort(compareKeys);
  }

  get all(): readonly string[] {
    return this.keys;
  }

  insert(key: string): void {
    const i = searchKeys(this.keys, key, false);
    if (this.keys[i] !== key) {
      this.keys.splice(i, 0, key);
    }
  }

  remove(key: string): void {
    const i = searchKeys(this.keys, key, false);
    if (this.keys[i] === key) {
      this.keys.splice(i, 1);
    }
  }
}

export interface ListRequest {
  prefix: string;
  delimiter?: string;
  /** Exclusive lower bound: the last key or common prefix already returned (or start-after/marker). */
  after?: string;
  maxKeys: number;
}

export interface ListResult {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned: where the next page starts. */
  last?: string;
}

/**
 * One page of a listing. Common prefixes count toward maxKeys like keys do; a prefix group is
 * skipped as a whole when `after` lies inside it, so pages never repeat a common prefix.
 */
export function listKeys(sorted: readonly string[], req: ListRequest): ListResult {
  const result: ListResult = { keys: [], commonPrefixes: [], isTruncated: false };
  if (req.maxKeys === 0) {
    // Nothing can be returned, so nothing can be resumed: a truncated page without a token would
    // send paginating clients into a loop.
    return result;
  }
  let i = searchKeys(sorted, req.prefix, false);
  if (req.after !== undefined) {
    i = Math.max(i, searchKeys(sorted, req.after, true));
  }
  while (i < sorted.length) {
    const key = sorted[i];
    if (!key.startsWith(req.prefix)) {
      break;
    }
    const cut = req.delimiter ? key.indexOf(req.delimiter, req.prefix.length) : -1;
    const group = cut >= 0 ? key.slice(0, cut + (req.delimiter ?? '').length) : undefined;
    if (group !== undefined && req.after?.startsWith(group)) {
      i = endOfPrefix(sorted, group, i);
      continue;
    }
    if (result.keys.length + result.commonPrefixes.length >= req.maxKeys) {
      result.isTruncated = true;
      break;
    }
    if (group !== undefined) {
      result.commonPrefixes.push(group);
      result.last = group;
      i = endOfPrefix(sorted, group, i);
    } else {
      result.keys.push(key);
      result.last = key;
      i++;
    }
  }
  return result;
}
