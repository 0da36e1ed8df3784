// Guesses where the next pages of a listing will end, from the keys of one page, so that key ranges
// beyond it can be listed at the same time. A guess only decides speed: every range is listed up to
// its own bound, so the union is exact wherever the split points fall.
//
// The model: past the part every key of the page shares, each character position holds a "digit"
// from the alphabet seen there (widened to its class: digits, hex, letters), so a key reads as a
// number in that mixed radix. The page covers a span of numbers; the next split points lie that
// span further on, scaled to a little less than a page, so that a range usually fits one request.
import { compareKeys } from './keys';

/** Positions of the shared part that a carry may reach: `key-0999` → `key-1000`. */
const CARRY_POSITIONS = 8;
/** Positions after the shared part that place a key: 16 hex digits already tell 2^64 places apart. */
const PLACE_POSITIONS = 16;

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const codes = (chars: string): number[] => Array.from(chars, (c) => c.charCodeAt(0));
/**
 * Smallest first: a position takes the first class holding every letter and digit seen there. Hex
 * only where a digit was seen too: `a`–`f` alone are as likely the start of words.
 */
const WITH_DIGITS = [
  DIGITS,
  `${DIGITS}abcdef`,
  `${DIGITS}ABCDEF`,
  DIGITS + LOWER,
  DIGITS + UPPER,
  DIGITS + UPPER + LOWER,
].map(codes);
const LETTERS_ONLY = [LOWER, UPPER, DIGITS + UPPER + LOWER].map(codes);

const isDigit = (codePoint: number): boolean => codePoint >= 0x30 && codePoint <= 0x39;
const isAlphanumeric = (codePoint: number): boolean =>
  isDigit(codePoint) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);

/** Where a key has ended: below every code point, as a shorter key sorts before a longer one. */
const END = -1;

/** The class of the letters and digits seen at a position; empty when none were seen. */
function classOf(seen: ReadonlySet<number>): number[] {
  const alphanumeric = [...seen].filter(isAlphanumeric);
  if (alphanumeric.length === 0) {
    return [];
  }
  const classes = alphanumeric.some(isDigit) ? WITH_DIGITS : LETTERS_ONLY;
  return classes.find((chars) => alphanumeric.every((c) => chars.includes(c))) ?? [];
}

/**
 * The symbols each position may hold, ascending: those seen there (END where a key had ended), letters
 * and digits widened to their class. A position takes the wider class of the position after it when
 * that class holds its own: a page of hex names may show only `0`–`2` first, the rest further on.
 */
function alphabetsFor(seen: ReadonlyArray<ReadonlySet<number>>): number[][] {
  const classes = seen.map(classOf);
  for (let i = classes.length - 2; i >= 0; i--) {
    const next = classes[i + 1];
    if (classes[i].length > 0 && next.length > classes[i].length && classes[i].every((c) => next.includes(c))) {
      classes[i] = next;
    }
  }
  return seen.map((symbols, i) => [...new Set([...classes[i], ...symbols])].sort((a, b) => a - b));
}

/**
 * The index of the largest symbol at or below `symbol` (0 below them all), so that the number never
 * decreases along the listing, whatever a later key holds.
 */
function digitOf(alphabet: readonly number[], symbol: number): number {
  let lo = 1;
  let hi = alphabet.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (alphabet[mid] <= symbol) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

function sharedLength(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) {
    n++;
  }
  return n;
}

/** Keys as numbers in the mixed radix of the positions after `head`, one alphabet each. */
class KeyNumbers {
  private readonly max: bigint;

  constructor(
    /** The code points before the first position, shared by every key the model reads. */
    private readonly head: readonly number[],
    private readonly alphabets: readonly number[][],
  ) {
    this.max = alphabets.reduce((product, alphabet) => product * BigInt(alphabet.length), 1n) - 1n;
  }

  valueOf(codePoints: readonly number[]): bigint {
    const from = this.head.length;
    return this.alphabets.reduce(
      (value, alphabet, i) => value * BigInt(alphabet.length) + BigInt(digitOf(alphabet, codePoints[from + i] ?? END)),
      0n,
    );
  }

  /** The key a number stands for, or undefined past the largest: the positions cannot carry further. */
  keyOf(value: bigint): string | undefined {
    if (value > this.max) {
      return undefined;
    }
    const symbols: number[] = [];
    for (let i = this.alphabets.length - 1; i >= 0; i--) {
      const radix = BigInt(this.alphabets[i].length);
      symbols[i] = this.alphabets[i][Number(value % radix)];
      value /= radix;
    }
    const end = symbols.indexOf(END);
    return String.fromCodePoint(...this.head, ...symbols.slice(0, end < 0 ? undefined : end));
  }
}

/**
 * Up to `count` split points after the last of `keys` (one listed page, in order, all under
 * `prefix`), ascending, each after the one before, each about `keysApart` keys further on
 * if the keys go on as this page went after its first tenth (the first keys of a folder are often odd
 * ones out: `k0`, `k1`, `k10`, `k100`, …). Fewer, or none, where the model cannot say.
 */
export function splitPointsAfter(keys: readonly string[], prefix: string, count: number, keysApart: number): string[] {
  if (keys.length < 2 || count < 1) {
    return [];
  }
  const codePoints = keys.map((key) => Array.from(key, (c) => c.codePointAt(0) ?? 0));
  const start = Math.floor((keys.length - 1) / 10);
  const first = codePoints[0];
  const last = codePoints[codePoints.length - 1];
  const shared = sharedLength(first, last);
  const from = Math.max(Array.from(prefix).length, shared - CARRY_POSITIONS);
  const to = Math.min(Math.max(...codePoints.map((key) => key.length)), shared + PLACE_POSITIONS);
  const seen = Array.from({ length: Math.max(0, to - from) }, (_, i) => {
    const symbols = new Set<number>();
    for (const key of codePoints) {
      symbols.add(key[from + i] ?? END);
    }
    return symbols;
  });
  const numbers = new KeyNumbers(last.slice(0, from), alphabetsFor(seen));
  const end = numbers.valueOf(last);
  const slope = end - numbers.valueOf(codePoints[start]);
  const step = (slope * BigInt(keysApart)) / BigInt(keys.length - 1 - start);
  const points: string[] = [];
  let previous = keys[keys.length - 1];
  for (let i = 1; i <= count && step > 0n; i++) {
    const point = numbers.keyOf(end + step * BigInt(i));
    if (point === undefined) {
      break;
    }
    // Two numbers can name one key (digits after a key's end do not show): keep each point once.
    if (compareKeys(point, previous) > 0) {
      points.push(point);
      previous = point;
    }
  }
  return points;
}
