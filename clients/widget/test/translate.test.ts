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
    expect(ar.plural('openChatUnread', 1)).toBe('فتح محادثة الدعم، رسالة واحدة غير مقروءة');
    expect(ar.plural('openChatUnread', 2)).toBe('فتح محادثة الدعم، رسالتان غير مقروءتين');
    expect(ar.plural('openChatUnread', 3)).toBe('فتح محادثة الدعم، ٣ رسائل غير مقروءة');
    expect(ar.plural('openChatUnread', 11)).toBe('فتح محادثة الدعم، ١١ رسالة غير مقروءة'); // "many": falls back to "other"
  });

  it('uses "other" for a plural form the texts do not have', () => {
    const t = createTranslator('fr', { ...bundledStrings('fr'), ratingStars: { other: '{count} ★' } });
    expect(t.plural('ratingStars', 1)).toBe('1 ★');
  });
});
