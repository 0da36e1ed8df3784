// Display formats shared by the tree, tooltips and summaries. Pure: unit-tested without VS Code.

// 1024-based, so labelled as such (IEC) wherever a size shows: rows, tooltips, progress, messages.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * "0 B", "999 B", "12.3 KiB", "4 GiB": at most three digits (1000 to 1023 go up a unit, as "1 KiB"),
 * so a size fits a tree row's description at the side bar's default width.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** A transfer's speed: "45 MiB/s". */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Time left, as rough as an estimate is: "8 s", "3 min", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) {
    return `${Math.max(1, Math.ceil(seconds))} s`;
  }
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** Made on first use: creating it loads ICU data, about 20 ms that activation need not pay. */
let relative: Intl.RelativeTimeFormat | undefined;

/** "just now", "5 minutes ago", "yesterday", "3 months ago". */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  let amount = (now.getTime() - date.getTime()) / 1000;
  if (Math.abs(amount) < 45) {
    return 'just now';
  }
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) {
      relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
      return relative.format(-Math.round(amount), unit);
    }
    amount /= size;
  }
  return date.toISOString();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Ages up to this many days show in days; older ones as their date. */
const DAYS_SHOWN = 30;

/** The local calendar date, as `2025-11-02`. */
export function formatDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * An age short enough for a tree row at the side bar's default width: "now", "6m", "5h", "3d", and
 * the date itself ("2025-11-02") past a month, or for a date ahead of this machine's clock.
 */
export function formatAge(date: Date, now: Date = new Date()): string {
  const age = now.getTime() - date.getTime();
  if (age < MINUTE && age > -MINUTE) {
    return 'now';
  }
  if (age < 0 || age >= DAYS_SHOWN * DAY) {
    return formatDate(date);
  }
  if (age < HOUR) {
    return `${Math.floor(age / MINUTE)}m`;
  }
  if (age < DAY) {
    return `${Math.floor(age / HOUR)}h`;
  }
  return `${Math.floor(age / DAY)}d`;
}
