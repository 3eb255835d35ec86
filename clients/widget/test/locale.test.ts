import { describe, expect, it } from 'vitest';
import { isBundled } from '../src/i18n/bundled';
import { canonicalLocale, directionOf, languageOf, resolveLocale } from '../src/i18n/locale';

describe('canonicalLocale', () => {
  it('canonicalises language tags and refuses what is not one', () => {
    expect(canonicalLocale('PT-br')).toBe('pt-BR');
    expect(canonicalLocale(' ar ')).toBe('ar');
    for (const bad of ['', '12', 'english please', 42, null, undefined]) expect(canonicalLocale(bad)).toBeNull();
  });
});

describe('languageOf', () => {
  it('is the first subtag, lower case', () => {
    expect(languageOf('pt-BR')).toBe('pt');
    expect(languageOf('ar')).toBe('ar');
  });
});

describe('resolveLocale', () => {
  it('uses an explicit locale as given, bundled or not', () => {
    expect(resolveLocale('ja', 'de', ['fr'], isBundled)).toBe('ja');
    expect(resolveLocale('pt-BR', null, [], isBundled)).toBe('pt-BR');
  });

  it("otherwise takes the page's <html lang>, then the browser's languages, when bundled", () => {
    expect(resolveLocale(null, 'de-AT', ['fr'], isBundled)).toBe('de-AT');
    expect(resolveLocale(null, 'ja', ['ko', 'es-MX', 'fr'], isBundled)).toBe('es-MX');
    expect(resolveLocale(null, '', ['fr-CA'], isBundled)).toBe('fr-CA');
    expect(resolveLocale(null, 'not a tag', ['x-1'], isBundled)).toBe('en');
  });

  it('falls back to English', () => {
    expect(resolveLocale(null, null, [], isBundled)).toBe('en');
    expect(resolveLocale(null, 'ja', ['zh-TW'], isBundled)).toBe('en');
  });
});

describe('directionOf', () => {
  it('is right to left for right-to-left languages, whatever the region', () => {
    for (const rtl of ['ar', 'ar-EG', 'he', 'fa-IR', 'ur', 'HE-il']) expect(directionOf(rtl)).toBe('rtl');
    for (const ltr of ['en', 'de-CH', 'pt-BR', 'ja', 'tr']) expect(directionOf(ltr)).toBe('ltr');
  });

  it('follows an explicit script subtag', () => {
    expect(directionOf('pa-Arab')).toBe('rtl');
    expect(directionOf('az-Arab-IR')).toBe('rtl');
    expect(directionOf('ug-Latn')).toBe('ltr');
  });
});
