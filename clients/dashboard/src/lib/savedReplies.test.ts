import { describe, expect, it } from 'vitest';
import { filterReplies, insertReply, type SavedReply, slashToken, stepHighlight } from './savedReplies';

const reply = (shortcut: string, title: string): SavedReply => ({
  id: shortcut,
  shortcut,
  title,
  content: `content of ${shortcut}`,
});

describe('slashToken', () => {
  it('finds a "/word" at the start or after a space, up to the caret', () => {
    expect(slashToken('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashToken('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashToken('Hi /ref', 7)).toEqual({ start: 3, query: 'ref' });
    expect(slashToken('Hi\n/re and more', 6)).toEqual({ start: 3, query: 're' });
  });

  it('is not a token inside a word, after a space, or in a URL', () => {
    expect(slashToken('and/or', 6)).toBeNull();
    expect(slashToken('/ref ', 5)).toBeNull();
    expect(slashToken('see https://x.org/a', 19)).toBeNull();
    expect(slashToken('plain', 5)).toBeNull();
  });
});

describe('filterReplies', () => {
  const replies = [reply('thanks', 'Thank you'), reply('refund', 'How refunds work'), reply('hours', 'Opening hours')];

  it('matches shortcut or title, case-insensitively, shortcut prefixes first', () => {
    expect(filterReplies(replies, 'ref').map((r) => r.shortcut)).toEqual(['refund']);
    expect(filterReplies(replies, 'HOUR').map((r) => r.shortcut)).toEqual(['hours']);
    expect(filterReplies(replies, 'th').map((r) => r.shortcut)).toEqual(['thanks']);
    expect(filterReplies(replies, 'ks').map((r) => r.shortcut)).toEqual(['thanks']);
    expect(filterReplies([reply('xo', 'the hours'), reply('hours', 'h')], 'hours').map((r) => r.shortcut)).toEqual([
      'hours',
      'xo',
    ]);
  });

  it('lists every reply by shortcut for an empty query and none for no match', () => {
    expect(filterReplies(replies, '').map((r) => r.shortcut)).toEqual(['hours', 'refund', 'thanks']);
    expect(filterReplies(replies, 'zzz')).toEqual([]);
  });
});

describe('insertReply', () => {
  it('replaces the token and puts the caret after the content', () => {
    expect(insertReply('Hi /ref', 7, { start: 3, query: 'ref' }, 'Refunds take 5 days.')).toEqual({
      text: 'Hi Refunds take 5 days.',
      caret: 23,
    });
    expect(insertReply('/re tail', 3, { start: 0, query: 're' }, 'X')).toEqual({ text: 'X tail', caret: 1 });
  });
});

describe('stepHighlight', () => {
  it('wraps around', () => {
    expect(stepHighlight(0, 3, 1)).toBe(1);
    expect(stepHighlight(2, 3, 1)).toBe(0);
    expect(stepHighlight(0, 3, -1)).toBe(2);
    expect(stepHighlight(0, 0, 1)).toBe(0);
  });
});
