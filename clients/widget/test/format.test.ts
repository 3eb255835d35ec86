import { describe, expect, it } from 'vitest';
import { badgeLabel } from '../src/format';

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

  it("writes the digits in the locale's own numerals", () => {
    const arabic = new Intl.NumberFormat('ar-u-nu-arab');
    expect(badgeLabel(3, (n) => arabic.format(n))).toBe('٣');
    expect(badgeLabel(12, (n) => arabic.format(n))).toBe('٩+');
  });
});
