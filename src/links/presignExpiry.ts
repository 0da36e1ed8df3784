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

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 24 * 3600 };

/**
 * A typed duration: whole seconds ("90"), or a number with a unit s, m, h or d ("30m", "2 h").
 * Over 7 days is refused: R2 and S3 reject such URLs when they are used.
 */
export function parseExpiry(text: string): { seconds: number } | { problem: string } {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(text.trim());
  if (!match) {
    return { problem: 'Enter a whole number of seconds, or a number with s, m, h or d (e.g. 90, 30m, 2h, 3d).' };
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()];
  if (seconds < 1) {
    return { problem: 'A presigned URL must last at least 1 second.' };
  }
  if (seconds > MAX_PRESIGN_SECONDS) {
    return { problem: `A presigned URL can last at most 7 days (${MAX_PRESIGN_SECONDS.toLocaleString('en')} seconds); R2 refuses longer ones.` };
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
