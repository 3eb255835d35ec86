import { describe, expect, it } from 'vitest';
import { bundledStrings } from '../src/i18n/bundled';
import { createTranslator, fillIn } from '../src/i18n/translate';

describe('fillIn', () => {
  it('fills in named placeholders and leaves unknown ones', () => {
    expect(fillIn('{name} is typing…', { name: 'Sam' })).toBe('Sam is typing…');
    expect(fillIn('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  });

  it('does not read "$" patterns in values', () => {
    expect(fillIn('New: {message}', { message: "$& $' $1" })).toBe("New: $& $' $1");
  });
});

describe('createTranslator', () => {
  it('looks up texts', () => {
    expect(createTranslator('de', bundledStrings('de')).text('send')).toBe('Senden');
  });

  it('chooses the plural form by the locale and writes the count in its digits', () => {
    const en = createTranslator('en', bundledStrings('en'));
    expect(en.plural('openChatUnread', 1)).toBe('Open support chat, 1 unread message');
    expect(en.plural('openChatUnread', 1200)).toBe('Open support chat, 1,200 unread messages');

    const ar = createTranslator('ar-u-nu-arab', bundledStrings('ar'));
    expect(ar.plural('ratingStars', 1)).toBe('نجمة واحدة');
    expect(ar.plural('ratingStars', 2)).toBe('نجمتان');
    expect(ar.plural('ratingStars', 3)).toBe('٣ نجوم');
    expect(ar.plural('ratingStars', 11)).toBe('١١ نجمة'); // "many": falls back to "other"
  });

  it('uses "other" for a plural form the texts do not have', () => {
    const t = createTranslator('fr', { ...bundledStrings('fr'), ratingStars: { other: '{count} ★' } });
    expect(t.plural('ratingStars', 1)).toBe('1 ★');
  });
});

describe('plural with a shown count', () => {
  it('chooses the form by the count but shows the given text', () => {
    const t = createTranslator('en', bundledStrings('en'));
    expect(t.plural('openChatUnread', 12, '9+')).toBe('Open support chat, 9+ unread messages');
    expect(t.number(1200)).toBe('1,200');
  });
});
