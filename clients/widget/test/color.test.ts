import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, legibleOn, parseHex, readableOn, relativeLuminance } from '../src/color';

describe('hex colours', () => {
  it('accepts the four CSS hex forms only', () => {
    for (const ok of ['#abc', '#abcd', '#A1B2C3', '#a1b2c3d4']) expect(isHexColor(ok)).toBe(true);
    for (const bad of ['abc', '#ab', '#abcde', '#ggg', 'red', 'rgb(0,0,0)', '#abc ']) expect(isHexColor(bad)).toBe(false);
  });

  it('parses short and long forms, dropping alpha', () => {
    expect(parseHex('#fc0')).toEqual([255, 204, 0]);
    expect(parseHex('#2563eb')).toEqual([37, 99, 235]);
    expect(parseHex('#2563eb80')).toEqual([37, 99, 235]);
  });
});

describe('WCAG contrast', () => {
  it('has luminance 0 for black and 1 for white', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBe(1);
  });

  it('is 21 for black on white, 1 for a colour on itself, and symmetric', () => {
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#2563eb', '#2563eb')).toBe(1);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#fff', '#767676')).toBe(contrastRatio('#767676', '#fff'));
  });
});

describe('readableOn', () => {
  it('puts white on dark colours and black on light ones', () => {
    expect(readableOn('#2563eb')).toEqual({ background: '#2563eb', text: '#ffffff' });
    expect(readableOn('#ffcc00')).toEqual({ background: '#ffcc00', text: '#000000' });
    expect(readableOn('#fc0').background).toBe('#ffcc00');
  });

  it('always reaches AA with the colour unchanged (black or white always has 4.5:1)', () => {
    for (const color of ['#777777', '#808080', '#ff0000', '#00a000', '#7f7fff', '#e91e63']) {
      const { background, text } = readableOn(color);
      expect(background).toBe(color);
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('darkens or lightens the colour when neither black nor white reaches a stricter minimum', () => {
    expect(Math.max(contrastRatio('#777777', '#fff'), contrastRatio('#777777', '#000'))).toBeLessThan(7);
    const { background, text } = readableOn('#777777', 7);
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(7);
    expect(background).not.toBe('#777777');
    const light = readableOn('#8a8a8a', 7);
    expect(light.text).toBe('#000000');
    expect(contrastRatio(light.background, '#8a8a8a')).toBeLessThan(2); // nudged, not replaced
  });
});

describe('legibleOn', () => {
  it('keeps a colour that already reads on the surface', () => {
    expect(legibleOn('#2563eb', '#ffffff')).toBe('#2563eb');
  });

  it('darkens a light colour on a light surface and lightens a dark one on a dark surface', () => {
    const onWhite = legibleOn('#ffcc00', '#ffffff');
    expect(contrastRatio(onWhite, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(relativeLuminance(parseHex(onWhite))).toBeLessThan(relativeLuminance(parseHex('#ffcc00')));

    const onDark = legibleOn('#2563eb', '#1c1c21');
    expect(contrastRatio(onDark, '#1c1c21')).toBeGreaterThanOrEqual(4.5);
    expect(relativeLuminance(parseHex(onDark))).toBeGreaterThan(relativeLuminance(parseHex('#2563eb')));
  });
});
