/** The languages built into widget.js, by language subtag. English is the fallback. */
import type { Strings } from './strings';
import { ar } from './locales/ar';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { pt } from './locales/pt';

const BUNDLED: Readonly<Record<string, Strings>> = { en, de, fr, es, pt, ar };

export const BUNDLED_LANGUAGES = Object.keys(BUNDLED);

export function isBundled(language: string): boolean {
  return BUNDLED_LANGUAGES.includes(language);
}

/** The texts of `language`, or English when it is not bundled. */
export function bundledStrings(language: string): Strings {
  return (isBundled(language) && BUNDLED[language]) || en;
}
