import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../src/color';
import { brandPalette, DARK_SURFACE, LIGHT_SURFACE, paletteProperties } from '../src/palette';

describe('brandPalette', () => {
  it.each(['#2563eb', '#ffcc00', '#000000', '#ffffff', '#7f7f7f', '#e91e63'])(
    'keeps text on %s and the brand colour on both surfaces readable',
    (color) => {
      const palette = brandPalette(color);
      expect(contrastRatio(palette.primary, palette.onPrimary)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.accentLight, LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.accentDark, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.outlineLight, LIGHT_SURFACE)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(palette.outlineDark, DARK_SURFACE)).toBeGreaterThanOrEqual(3);
    },
  );

  it('hands the colours to CSS as --sc-* custom properties', () => {
    expect(paletteProperties(brandPalette('#ffcc00'))).toMatchObject({
      '--sc-primary': '#ffcc00',
      '--sc-on-primary': '#000000',
    });
  });
});
