/** Looking texts up: placeholders filled in, plural forms chosen for the locale. */
import type { PluralForms, Strings } from './strings';

type TextKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
type PluralKey = { [K in keyof Strings]: Strings[K] extends PluralForms ? K : never }[keyof Strings];

export interface Translator {
  readonly locale: string;
  text(key: TextKey, values?: Record<string, string>): string;
  /** `n` in the locale's digits. */
  number(n: number): string;
  /** The plural form for `count`, with `{count}` as `countText` (by default the count in the locale's digits). */
  plural(key: PluralKey, count: number, countText?: string): string;
}

/** Replaces `{name}` with `values.name`; unknown placeholders stay as they are. */
export function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

export function createTranslator(locale: string, strings: Strings): Translator {
  const pluralRules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    text: (key, values = {}) => fillIn(strings[key], values),
    number: (n) => numbers.format(n),
    plural(key, count, countText = numbers.format(count)) {
      const forms = strings[key];
      const form = forms[pluralRules.select(count)] ?? forms.other;
      return fillIn(form, { count: countText });
    },
  };
}
