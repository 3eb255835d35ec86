import { describe, expect, it } from 'vitest';
import { badgeLabel, formatTime } from '../src/format';

describe('badgeLabel', () => {
  it('is empty at zero (badge hidden)', () => {
    expect(badgeLabel(0)).toBe('');
  });

  it('shows the count up to nine, then "9+"', () => {
    expect(badgeLabel(1)).toBe('1');
    expect(badgeLabel(9)).toBe('9');
    expect(badgeLabel(10)).toBe('9+');
    expect(badgeLabel(250)).toBe('9+');
  });
});

describe('formatTime', () => {
  it('shows local hours and minutes', () => {
    expect(formatTime(new Date(2026, 10, 24, 14, 5).toISOString())).toBe('14:05');
    expect(formatTime(new Date(2026, 10, 24, 9, 0).toISOString())).toBe('09:00');
  });

  it('is empty for an unparsable date', () => {
    expect(formatTime('yesterday')).toBe('');
  });
});
