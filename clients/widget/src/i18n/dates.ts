/** Message times and day headings in the widget's locale, through Intl. */

export interface DateFormatter {
  /** "14:05", "2:05 PM", "٢:٠٥ م"; empty for an unparsable date. */
  time(iso: string): string;
  /** "Today", "Yesterday", a weekday within the week, else the date. */
  day(iso: string, now: Date): string;
  /** A number that is the same for two times on the same local calendar day. */
  dayKey(iso: string): number;
}

const DAY_MS = 86_400_000;

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function capitalized(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

export function createDateFormatter(locale: string): DateFormatter {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' });
  const dateWithYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  return {
    time(iso) {
      const at = parse(iso);
      return at ? time.format(at) : '';
    },
    day(iso, now) {
      const at = parse(iso);
      if (!at) return '';
      // Rounded: a day with a daylight saving change is 23 or 25 hours long.
      const daysAgo = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
      if (daysAgo <= 1) return capitalized(relative.format(-Math.max(daysAgo, 0), 'day'), locale);
      if (daysAgo < 7) return capitalized(weekday.format(at), locale);
      return (at.getFullYear() === now.getFullYear() ? date : dateWithYear).format(at);
    },
    dayKey(iso) {
      const at = parse(iso);
      return at ? startOfDay(at) : 0;
    },
  };
}
