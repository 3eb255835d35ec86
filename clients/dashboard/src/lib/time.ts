// Pure date helpers: relative times for the chat list, day groups for the chat view.
// Calendar logic uses the browser's local time zone.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 messages", "1 message". */
export function countLabel(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Whole calendar days from `date` to `now` (0 = same local day). */
function calendarDaysBetween(date: Date, now: Date): number {
  return Math.round((startOfDay(now).getTime() - startOfDay(date).getTime()) / DAY);
}

function shortDate(date: Date, now: Date): string {
  return date.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/**
 * "just now", "1 minute ago", "5 hours ago", "yesterday", "3 days ago", then a date ("Jan 5").
 * Times slightly in the future (clock skew) count as "just now".
 */
export function relativeTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${countLabel(Math.floor(elapsed / MINUTE), 'minute')} ago`;
  if (elapsed < DAY) return `${countLabel(Math.floor(elapsed / HOUR), 'hour')} ago`;
  const days = Math.max(calendarDaysBetween(date, now), 1);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return shortDate(date, now);
}

/** Local calendar day of a timestamp, e.g. "2024-01-29"; equal keys = same day. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Day divider label: "Monday, January 29" (with the year when it isn't the current one). */
export function dayLabel(iso: string, now: Date): string {
  const date = new Date(iso);
  return date.toLocaleDateString('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/** Clock time of a message, e.g. "9:05 AM". */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}

export interface DayGroup<T> {
  key: string;
  label: string;
  items: T[];
}

/** Splits items (already in display order) into consecutive runs of the same local day. */
export function groupByDay<T extends { createdAt: string }>(items: readonly T[], now: Date): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const key = dayKey(item.createdAt);
    const current = groups[groups.length - 1];
    if (current && current.key === key) {
      current.items.push(item);
    } else {
      groups.push({ key, label: dayLabel(item.createdAt, now), items: [item] });
    }
  }
  return groups;
}
