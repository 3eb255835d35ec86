/**
 * The colours derived from the host's brand colour, handed to the stylesheet
 * as CSS custom properties. The surfaces must match `--surface` in
 * view/styles.css for each theme.
 */
import { legibleOn, readableOn } from './color';

export const LIGHT_SURFACE = '#ffffff';
export const DARK_SURFACE = '#1c1c21';

/** The contrast a focus ring or input border needs against what is around it (WCAG 1.4.11). */
const NON_TEXT = 3;

export interface Palette {
  /** Launcher, header, send button and the user's own bubbles. */
  primary: string;
  /** Text and icons on `primary`: black or white, at least 4.5:1. */
  onPrimary: string;
  /** The brand colour as text on the panel (links, Retry), per theme. */
  accentLight: string;
  accentDark: string;
  /** The brand colour as a focus ring or border on the panel, per theme. */
  outlineLight: string;
  outlineDark: string;
}

export function brandPalette(primaryColor: string): Palette {
  const { background, text } = readableOn(primaryColor);
  return {
    primary: background,
    onPrimary: text,
    accentLight: legibleOn(background, LIGHT_SURFACE),
    accentDark: legibleOn(background, DARK_SURFACE),
    outlineLight: legibleOn(background, LIGHT_SURFACE, NON_TEXT),
    outlineDark: legibleOn(background, DARK_SURFACE, NON_TEXT),
  };
}

/** The palette as custom properties for the widget's root element. */
export function paletteProperties(palette: Palette): Record<string, string> {
  return {
    '--sc-primary': palette.primary,
    '--sc-on-primary': palette.onPrimary,
    '--sc-accent-light': palette.accentLight,
    '--sc-accent-dark': palette.accentDark,
    '--sc-outline-light': palette.outlineLight,
    '--sc-outline-dark': palette.outlineDark,
  };
}
