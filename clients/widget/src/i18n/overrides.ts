/** The host's `strings` option laid over a language's bundled texts. */
import { PLURAL_KEYS, type PluralForms, type StringKey, type Strings } from './strings';

export type StringOverrides = Partial<Record<StringKey, string | PluralForms>>;

function isPluralForms(value: unknown): value is PluralForms {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'other') === 'string' &&
    Object.values(value).every((form) => typeof form === 'string')
  );
}

/**
 * `base` with the valid entries of `overrides`: a text key takes a string; a
 * plural key takes a string (for every count) or a full set of plural forms
 * with at least `other`. Unknown keys and wrong values are left out and named
 * in `problems`.
 */
export function applyOverrides(base: Strings, overrides: unknown): { strings: Strings; problems: string[] } {
  if (overrides === undefined) return { strings: base, problems: [] };
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return { strings: base, problems: ['`strings` must be an object'] };
  }
  const strings: Strings = { ...base };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.keys(base).includes(key)) {
      problems.push(`unknown string key "${key}"`);
    } else if (PLURAL_KEYS.has(key as StringKey)) {
      if (typeof value === 'string') Object.assign(strings, { [key]: { other: value } });
      else if (isPluralForms(value)) Object.assign(strings, { [key]: value });
      else problems.push(`strings.${key} must be a string or plural forms with "other"`);
    } else if (typeof value === 'string') {
      Object.assign(strings, { [key]: value });
    } else {
      problems.push(`strings.${key} must be a string`);
    }
  }
  return { strings, problems };
}
