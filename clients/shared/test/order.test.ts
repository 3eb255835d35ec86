import { describe, expect, it } from 'vitest';
import { compareEntries, emptyChatState } from '../src/chat';
import { ids, keys, merge, message, send } from './fixtures';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('one order for both clients: seq', () => {
  it('puts confirmed messages in seq order', () => {
    expect(ids(merge(emptyChatState, [message('c', 3), message('a', 1), message('b', 2)]))).toEqual(['a', 'b', 'c']);
  });

  it('follows seq, not createdAt: hosts whose clocks disagree do not reorder a chat', () => {
    const behind = message('second', 2, { createdAt: '2026-11-24T14:00:00Z' });
    const ahead = message('first', 1, { createdAt: '2026-11-24T14:00:05Z' });
    for (const batch of permutations([behind, ahead])) {
      expect(ids(merge(emptyChatState, batch))).toEqual(['first', 'second']);
    }
  });

  it('keeps seq order across separate merges (a live event, then a gap-fill)', () => {
    const live = merge(emptyChatState, [message('d', 4)]);
    expect(ids(merge(live, [message('b', 2), message('c', 3)]))).toEqual(['b', 'c', 'd']);
  });

  it('does not mind a skipped seq', () => {
    expect(ids(merge(emptyChatState, [message('b', 5), message('a', 3)]))).toEqual(['a', 'b']);
  });
});

describe('unconfirmed sends', () => {
  it('come after every confirmed message, even one newer than the send', () => {
    const state = merge(send(emptyChatState, 'c-1', 0), [message('m', 59)]);
    expect(keys(state)).toEqual(['m', 'c-1']);
  });

  it('compare equal among themselves, so the stable sort keeps send order', () => {
    const [first, second] = send(send(emptyChatState, 'c-1', 5), 'c-2', 1).entries;
    expect(first && second && compareEntries(first, second)).toBe(0);
    expect(first && second && compareEntries(second, first)).toBe(0);
  });
});
