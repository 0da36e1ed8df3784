// How long a presigned URL lasts: the presets offered, custom durations typed by the user, and how
// the expiry is described. Pure: unit-tested without VS Code.
import { MAX_PRESIGN_SECONDS } from '../r2';

export interface ExpiryPreset {
  readonly label: string;
  readonly seconds: number;
}

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { label: '15 minutes', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 24 * 3600 },
  { label: '7 days', seconds: 7 * 24 * 3600 },
];

/** Units as people type them: "s", "sec", "seconds", "m", "min", "h", "hr", "hours", "d", "days", "w", "week". */
const UNITS: ReadonlyArray<[RegExp, number]> = [
  [/^(s|secs?|seconds?)$/, 1],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^(d|days?)$/, 24 * 3600],
  [/^(w|wks?|weeks?)$/, 7 * 24 * 3600],
];

/** Seconds in a typed unit; none means seconds. */
function unitSeconds(unit: string): number | undefined {
  return unit === '' ? 1 : UNITS.find(([pattern]) => pattern.test(unit.toLowerCase()))?.[1];
}

const FORMAT_PROBLEM = 'Enter seconds, or a number with a unit (e.g. 90, 30m, 90 min, 1.5h, 2 days).';

/**
 * A typed duration: seconds ("90"), or a number, possibly with a fraction, and a unit ("30m",
 * "90 min", "1.5h", "2 days"), rounded to whole seconds. Over 7 days is refused: R2 and S3 reject
 * such URLs when they are used.
 */
export function parseExpiry(text: string): { seconds: number } | { problem: string } {
  const match = /^(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? unitSeconds(match[2]) : undefined;
  if (!match || unit === undefined) {
    return { problem: FORMAT_PROBLEM };
  }
  const seconds = Math.round(Number(match[1].replace(',', '.')) * unit);
  if (seconds < 1) {
    return { problem: 'A presigned URL must last at least 1 second.' };
  }
  if (seconds > MAX_PRESIGN_SECONDS) {
    return {
      problem: `A presigned URL can last at most 7 days (${MAX_PRESIGN_SECONDS.toLocaleString('en')} seconds); R2 refuses longer ones.`,
    };
  }
  return { seconds };
}

const PARTS: ReadonlyArray<[string, number]> = [
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "1 hour", "2 days 3 hours", "90 seconds" → "1 minute 30 seconds": the two largest units. */
export function describeDuration(seconds: number): string {
  const parts: string[] = [];
  let left = seconds;
  for (const [unit, size] of PARTS) {
    const count = Math.floor(left / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
      left -= count * size;
    } else if (parts.length > 0) {
      // Only adjacent units: "1 day 5 seconds" would read oddly.
      break;
    }
  }
  return parts.join(' ') || '0 seconds';
}
