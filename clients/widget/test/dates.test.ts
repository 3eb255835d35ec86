import { describe, expect, it } from 'vitest';
import { createDateFormatter } from '../src/i18n/dates';

const at = (...parts: [number, number, number, number?, number?]): string => new Date(...parts).toISOString();
const now = new Date(2026, 10, 24, 15, 30); // Tuesday 24 November 2026, local time

describe('time', () => {
  it("writes the local time the locale's way", () => {
    expect(createDateFormatter('en').time(at(2026, 10, 24, 14, 5))).toBe('2:05 PM');
    expect(createDateFormatter('de').time(at(2026, 10, 24, 14, 5))).toBe('14:05');
    expect(createDateFormatter('ar').time(at(2026, 10, 24, 9, 0))).toMatch(/^(9:00|٩:٠٠) ص$/); // CLDR picks the digits per region
    expect(createDateFormatter('ar-u-nu-arab').time(at(2026, 10, 24, 9, 0))).toBe('٩:٠٠ ص');
  });

  it('is empty for an unparsable date', () => {
    expect(createDateFormatter('en').time('yesterday')).toBe('');
  });
});

describe('day', () => {
  const en = createDateFormatter('en');

  it('says today and yesterday in words, capitalised', () => {
    expect(en.day(at(2026, 10, 24, 0, 1), now)).toBe('Today');
    expect(en.day(at(2026, 10, 23, 23, 59), now)).toBe('Yesterday');
    expect(createDateFormatter('fr').day(at(2026, 10, 23, 8), now)).toBe('Hier');
    expect(createDateFormatter('ar').day(at(2026, 10, 23, 8), now)).toBe('أمس');
  });

  it('names the weekday within the week, then the date, with the year when it is another', () => {
    expect(en.day(at(2026, 10, 20, 12), now)).toBe('Friday');
    expect(createDateFormatter('de').day(at(2026, 10, 20, 12), now)).toBe('Freitag');
    expect(en.day(at(2026, 10, 17, 12), now)).toBe('November 17');
    expect(createDateFormatter('es').day(at(2025, 11, 31, 12), now)).toBe('31 de diciembre de 2025');
  });

  it('says today for a time a little in the future (clock skew)', () => {
    expect(en.day(at(2026, 10, 24, 15, 31), now)).toBe('Today');
  });
});

describe('dayKey', () => {
  it('is the same within a local day and differs across midnight', () => {
    const dates = createDateFormatter('en');
    expect(dates.dayKey(at(2026, 10, 24, 0, 0))).toBe(dates.dayKey(at(2026, 10, 24, 23, 59)));
    expect(dates.dayKey(at(2026, 10, 24, 0, 0))).not.toBe(dates.dayKey(at(2026, 10, 23, 23, 59)));
  });
});
