import { describe, expect, it } from 'vitest';
import { clockTime, countLabel, dateTime, dayKey, dayLabel, groupByDay, relativeTime } from './time';

/** A local wall-clock time as the API's ISO-8601 UTC string (tests don't depend on TZ). */
function local(year: number, month: number, day: number, hour = 12, minute = 0, second = 0): string {
  return new Date(year, month - 1, day, hour, minute, second).toISOString();
}

const EN = 'en-US';

describe('relativeTime', () => {
  const now = new Date(2024, 0, 29, 15, 0, 0);

  it('says "now" under a minute, and for slightly future times', () => {
    expect(relativeTime(now.toISOString(), now, EN)).toBe('now');
    expect(relativeTime(local(2024, 1, 29, 14, 59, 1), now, EN)).toBe('now');
    expect(relativeTime(local(2024, 1, 29, 15, 0, 5), now, EN)).toBe('now');
  });

  it('counts minutes, singular and plural', () => {
    expect(relativeTime(local(2024, 1, 29, 14, 59, 0), now, EN)).toBe('1 minute ago');
    expect(relativeTime(local(2024, 1, 29, 14, 58, 0), now, EN)).toBe('2 minutes ago');
    expect(relativeTime(local(2024, 1, 29, 14, 0, 1), now, EN)).toBe('59 minutes ago');
  });

  it('counts hours under a day', () => {
    expect(relativeTime(local(2024, 1, 29, 14, 0, 0), now, EN)).toBe('1 hour ago');
    expect(relativeTime(local(2024, 1, 29, 12, 30, 0), now, EN)).toBe('2 hours ago');
    expect(relativeTime(local(2024, 1, 28, 16, 0, 0), now, EN)).toBe('23 hours ago');
  });

  it('says "yesterday", then days, then a date', () => {
    expect(relativeTime(local(2024, 1, 28, 9, 0, 0), now, EN)).toBe('yesterday');
    expect(relativeTime(local(2024, 1, 27, 20, 0, 0), now, EN)).toBe('2 days ago');
    expect(relativeTime(local(2024, 1, 23, 10, 0, 0), now, EN)).toBe('6 days ago');
    expect(relativeTime(local(2024, 1, 20, 10, 0, 0), now, EN)).toBe('Jan 20');
    expect(relativeTime(local(2023, 12, 1, 10, 0, 0), now, EN)).toBe('Dec 1, 2023');
  });
});

describe('countLabel', () => {
  it('is singular for one', () => {
    expect(countLabel(1, 'message')).toBe('1 message');
    expect(countLabel(0, 'message')).toBe('0 messages');
    expect(countLabel(5, 'message')).toBe('5 messages');
  });
});

describe('day labels', () => {
  const now = new Date(2024, 1, 2, 9, 0, 0);

  it('formats a divider like "Monday, January 29"', () => {
    expect(dayLabel(local(2024, 1, 29, 10), now, EN)).toBe('Monday, January 29');
  });

  it('adds the year for another year', () => {
    expect(dayLabel(local(2023, 12, 31, 10), now, EN)).toBe('Sunday, December 31, 2023');
  });

  it('keys days by local calendar date', () => {
    expect(dayKey(local(2024, 1, 29, 0, 0, 0))).toBe('2024-01-29');
    expect(dayKey(local(2024, 1, 29, 23, 59, 59))).toBe('2024-01-29');
    expect(dayKey(local(2024, 1, 30, 0, 0, 0))).toBe('2024-01-30');
  });

  it('formats clock times', () => {
    expect(clockTime(local(2024, 1, 29, 9, 5), EN)).toBe('9:05 AM');
    expect(clockTime(local(2024, 1, 29, 21, 30), EN)).toBe('9:30 PM');
  });
});

describe('groupByDay', () => {
  const now = new Date(2024, 1, 2, 9, 0, 0);

  it('groups consecutive items of the same local day, in order', () => {
    const items = [
      { id: 'a', createdAt: local(2024, 1, 29, 8) },
      { id: 'b', createdAt: local(2024, 1, 29, 23, 59) },
      { id: 'c', createdAt: local(2024, 1, 30, 0, 1) },
      { id: 'd', createdAt: local(2024, 2, 1, 12) },
      { id: 'e', createdAt: local(2024, 2, 1, 13) },
    ];
    const groups = groupByDay(items, now, EN);
    expect(groups.map((group) => group.label)).toEqual([
      'Monday, January 29',
      'Tuesday, January 30',
      'Thursday, February 1',
    ]);
    expect(groups.map((group) => group.items.map((item) => item.id))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
  });

  it('returns no groups for no items', () => {
    expect(groupByDay([], now, EN)).toEqual([]);
  });
});

describe('the browser locale', () => {
  const now = new Date(2024, 0, 29, 15, 0, 0);

  it('formats in the locale given', () => {
    expect(relativeTime(local(2024, 1, 28, 9), now, 'de')).toBe('gestern');
    expect(relativeTime(local(2024, 1, 29, 12, 30), now, 'fr')).toBe('il y a 2 heures');
    expect(dayLabel(local(2024, 1, 29, 10), now, 'de')).toBe('Montag, 29. Januar');
    expect(clockTime(local(2024, 1, 29, 21, 30), 'de')).toBe('21:30');
    expect(dateTime(local(2024, 1, 29, 21, 30), 'en-GB')).toBe('29 Jan 2024, 21:30');
  });

  it('uses the default locale when none is given', () => {
    const iso = local(2024, 1, 29, 21, 30);
    const browser = Intl.DateTimeFormat().resolvedOptions().locale;
    expect(clockTime(iso)).toBe(clockTime(iso, browser));
    expect(relativeTime(local(2024, 1, 28, 9), now)).toBe(relativeTime(local(2024, 1, 28, 9), now, browser));
  });
});
