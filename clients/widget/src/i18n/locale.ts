/** Which locale the widget speaks, and which way it writes. */

/** Languages written right to left (ISO 639 codes). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Scripts written right to left (ISO 15924), for tags such as `pa-Arab`. */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

export type Direction = 'ltr' | 'rtl';

/** The canonical form of a BCP 47 language tag, or null when it is not one. */
export function canonicalLocale(tag: unknown): string | null {
  if (typeof tag !== 'string' || !tag.trim()) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** "pt-BR" → "pt". */
export function languageOf(locale: string): string {
  return (locale.split('-')[0] ?? '').toLowerCase();
}

export function directionOf(locale: string): Direction {
  const [language = '', ...subtags] = locale.toLowerCase().split('-');
  const script = subtags.find((subtag) => subtag.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * The locale to use. An explicit `requested` locale is used as given (its
 * texts come from `strings` or English when its language is not bundled);
 * otherwise the first of the page's `<html lang>` and the browser's languages
 * whose language is bundled, and English when none is.
 */
export function resolveLocale(
  requested: string | null,
  pageLanguage: string | null,
  browserLanguages: readonly string[],
  isBundled: (language: string) => boolean,
): string {
  if (requested) return requested;
  for (const candidate of [pageLanguage, ...browserLanguages]) {
    const locale = canonicalLocale(candidate);
    if (locale && isBundled(languageOf(locale))) return locale;
  }
  return 'en';
}
