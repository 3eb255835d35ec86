import { describe, expect, it } from 'vitest';
import { BUNDLED_LANGUAGES, bundledStrings } from '../src/i18n/bundled';
import { applyOverrides } from '../src/i18n/overrides';
import { PLURAL_KEYS, type StringKey } from '../src/i18n/strings';

const english = bundledStrings('en');
const keys = Object.keys(english) as StringKey[];
const placeholders = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name, i, all) => all.indexOf(name) === i);

describe('bundled strings', () => {
  it('bundles en, de, fr, es, pt and ar; anything else is English', () => {
    expect(BUNDLED_LANGUAGES.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt']);
    expect(bundledStrings('ja')).toBe(english);
    expect(bundledStrings('toString')).toBe(english);
  });

  it.each(BUNDLED_LANGUAGES)('%s has a non-empty text for every key, with the same placeholders as English', (language) => {
    const strings = bundledStrings(language);
    expect(Object.keys(strings).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const value = strings[key];
      if (PLURAL_KEYS.has(key)) expect(typeof value === 'object' && value.other).toBeTruthy();
      else expect(typeof value === 'string' && value.trim()).toBeTruthy();
      // A plural form may spell the number out ("رسالة واحدة"), so only text keys must keep every placeholder.
      if (!PLURAL_KEYS.has(key)) expect(placeholders(value)).toEqual(placeholders(english[key]));
    }
  });

  it('has the texts later features need', () => {
    expect(english).toMatchObject({
      supportOnline: 'Support is online',
      typing: '{name} is typing…',
      ratingPrompt: 'How did we do?',
      ratingComment: 'Add a comment (optional)',
      ratingSend: 'Send rating',
      ratingThanks: 'Thanks for your feedback',
      loadOlder: 'Load older messages',
      fileTooLarge: 'File too large',
      fileTypeUnsupported: 'This file type is not supported',
    });
  });
});

describe('applyOverrides', () => {
  it('replaces only the given keys', () => {
    const { strings, problems } = applyOverrides(english, { send: 'Go', title: 'Help desk' });
    expect(problems).toEqual([]);
    expect(strings).toEqual({ ...english, send: 'Go', title: 'Help desk' });
    expect(english.send).toBe('Send'); // the bundled texts are not changed
  });

  it('takes plural forms, or one string for every count', () => {
    const forms = { one: 'one new', other: '{count} new' };
    expect(applyOverrides(english, { openChatUnread: forms }).strings.openChatUnread).toEqual(forms);
    expect(applyOverrides(english, { ratingStars: '{count}/5' }).strings.ratingStars).toEqual({ other: '{count}/5' });
  });

  it('leaves out and names unknown keys and wrong values', () => {
    const { strings, problems } = applyOverrides(english, {
      sned: 'Go',
      send: 42,
      openChatUnread: { one: 'x' },
      toString: 'x',
      retry: 'Again',
    });
    expect(strings).toEqual({ ...english, retry: 'Again' });
    expect(problems).toEqual([
      'unknown string key "sned"',
      'strings.send must be a string',
      'strings.openChatUnread must be a string or plural forms with "other"',
      'unknown string key "toString"',
    ]);
  });

  it('refuses a strings option that is not an object', () => {
    expect(applyOverrides(english, ['a']).problems).toEqual(['`strings` must be an object']);
    expect(applyOverrides(english, undefined)).toEqual({ strings: english, problems: [] });
  });
});

describe('the launcher name', () => {
  it.each(BUNDLED_LANGUAGES)('in %s contains the unread count for every plural form (the badge shows it)', (language) => {
    for (const form of Object.values(bundledStrings(language).openChatUnread)) expect(form).toContain('{count}');
  });
});
