/**
 * Colour arithmetic for the brand colour: parsing CSS hex colours, WCAG 2
 * relative luminance and contrast, and nudging a colour until text on it (or
 * it, as text) is readable.
 */

export type Rgb = readonly [number, number, number];

const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export const BLACK = '#000000';
export const WHITE = '#ffffff';

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;

/** Whether `value` is a CSS hex colour: #rgb, #rgba, #rrggbb or #rrggbbaa. */
export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** The colour's red, green and blue (0-255); an alpha digit pair is dropped. */
export function parseHex(hex: string): Rgb {
  if (!isHexColor(hex)) throw new Error(`not a hex colour: ${hex}`);
  let digits = hex.slice(1);
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  const channel = (i: number): number => parseInt(digits.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(rgb: Rgb): number {
  const linear = (channel: number): number => {
    const s = channel / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(parseHex(a));
  const lb = relativeLuminance(parseHex(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes `color` towards `target` by `amount` (0 keeps it, 1 gives target). */
function mix(color: Rgb, target: Rgb, amount: number): Rgb {
  const at = (i: 0 | 1 | 2): number => color[i] + (target[i] - color[i]) * amount;
  return [at(0), at(1), at(2)];
}

/**
 * The least darkened (towards black) or lightened (towards white) version of
 * `color` whose contrast with `against` reaches `minimum`.
 */
function shiftUntil(color: string, towards: string, against: string, minimum: number): string {
  const from = parseHex(color);
  const to = parseHex(towards);
  for (let step = 0; step <= 100; step++) {
    const candidate = toHex(mix(from, to, step / 100));
    if (contrastRatio(candidate, against) >= minimum) return candidate;
  }
  return towards;
}

/**
 * A background close to `background` and the text colour (black or white) to
 * draw on it with at least `minimum` contrast. Black or white text reaches
 * 4.5:1 on any opaque colour, so with the default minimum the background is
 * kept; for a stricter minimum it is darkened (under white text) or lightened
 * (under black text), whichever text colour was closer.
 */
export function readableOn(
  background: string,
  minimum = AA_TEXT,
): { background: string; text: string } {
  const onWhite = contrastRatio(background, WHITE);
  const onBlack = contrastRatio(background, BLACK);
  const text = onWhite >= onBlack ? WHITE : BLACK;
  if (Math.max(onWhite, onBlack) >= minimum) return { background: toHex(parseHex(background)), text };
  return { background: shiftUntil(background, text === WHITE ? BLACK : WHITE, text, minimum), text };
}

/**
 * `color` used as text (or a thin line) on `surface`: kept when it has
 * `minimum` contrast, otherwise darkened on a light surface or lightened on a
 * dark one until it has.
 */
export function legibleOn(color: string, surface: string, minimum = AA_TEXT): string {
  if (contrastRatio(color, surface) >= minimum) return toHex(parseHex(color));
  const surfaceIsDark = contrastRatio(surface, WHITE) > contrastRatio(surface, BLACK);
  return shiftUntil(color, surfaceIsDark ? WHITE : BLACK, surface, minimum);
}
