// Pure date helpers: relative times for the chat list, day groups for the chat view.
// Calendar logic uses the browser's local time zone; words and formats come from Intl in
// the browser's locale (`locale` undefined), or the one given.

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

function shortDate(date: Date, now: Date, locale: string | undefined): string {
  return date.toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/**
 * In English: "now", "1 minute ago", "5 hours ago", "yesterday", "3 days ago", then a date
 * ("Jan 5"). Times slightly in the future (clock skew) count as "now".
 */
export function relativeTime(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso);
  const elapsed = now.getTime() - date.getTime();
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < MINUTE) return words.format(0, 'second');
  if (elapsed < HOUR) return words.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return words.format(-Math.floor(elapsed / HOUR), 'hour');
  const days = Math.max(calendarDaysBetween(date, now), 1);
  if (days < 7) return words.format(-days, 'day');
  return shortDate(date, now, locale);
}

/** Local calendar day of a timestamp, e.g. "2024-01-29"; equal keys = same day. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Day divider label: "Monday, January 29" (with the year when it isn't the current one). */
export function dayLabel(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso);
  return date.toLocaleDateString(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

/** Clock time of a message, e.g. "9:05 AM" (en-US) or "09:05" (de). */
export function clockTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** Date and time in full, e.g. for a tooltip or the contact panel. */
export function dateTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface DayGroup<T> {
  key: string;
  label: string;
  items: T[];
}

/** Splits items (already in display order) into consecutive runs of the same local day. */
export function groupByDay<T extends { createdAt: string }>(
  items: readonly T[],
  now: Date,
  locale?: string,
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const key = dayKey(item.createdAt);
    const current = groups[groups.length - 1];
    if (current && current.key === key) {
      current.items.push(item);
    } else {
      groups.push({ key, label: dayLabel(item.createdAt, now, locale), items: [item] });
    }
  }
  return groups;
}
