import { describe, expect, it } from 'vitest';
import { compareEntries, emptyChatState } from '../src/chat';
import { ids, keys, merge, message, send } from './fixtures';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('one order for both clients', () => {
  it('puts confirmed messages oldest first', () => {
    expect(ids(merge(emptyChatState, [message('c', 3), message('a', 1), message('b', 2)]))).toEqual(['a', 'b', 'c']);
  });

  it('compares instants, not strings', () => {
    const state = merge(emptyChatState, [
      message('later', 0, { createdAt: '2026-11-24T14:00:01Z' }),
      message('earlier', 0, { createdAt: '2026-11-24T14:00:00.500Z' }),
    ]);
    expect(ids(state)).toEqual(['earlier', 'later']);
  });
});

describe('tie-break on equal createdAt', () => {
  const tied = [message('c', 1), message('d', 1), message('b', 1)];

  it('orders by id, whatever order the messages arrive in', () => {
    for (const batch of permutations(tied)) {
      expect(ids(merge(emptyChatState, batch))).toEqual(['b', 'c', 'd']);
    }
  });

  it('orders by id across separate merges too (a live event, then a page)', () => {
    const live = merge(emptyChatState, [message('d', 1)]);
    expect(ids(merge(live, [message('b', 1), message('c', 1)]))).toEqual(['b', 'c', 'd']);
  });

  it('lets createdAt decide first: a later message with a smaller id comes after', () => {
    expect(ids(merge(emptyChatState, [message('a', 2), ...tied]))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('compares ids as strings, the way the server compares UUID bytes', () => {
    const low = '9fffffff-0000-4000-8000-000000000000';
    const high = 'a0000000-0000-4000-8000-000000000000';
    expect(ids(merge(emptyChatState, [message(high, 1), message(low, 1)]))).toEqual([low, high]);
    expect(ids(merge(emptyChatState, [message('9', 1), message('10', 1)]))).toEqual(['10', '9']);
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
