import { describe, expect, it } from 'vitest';
import { emptyChatState, mergeMessages, oldestConfirmedId } from '../../shared/src/chat';
import {
  anchorAt,
  canLoadOlder,
  freshHistory,
  historyAfterNewest,
  historyAfterOlder,
  historyFailed,
  historyLoading,
  scrollTopFor,
  type RowBox,
} from '../src/history';
import type { Message } from '../src/types';

function message(n: number): Message {
  return {
    id: `m${String(n).padStart(3, '0')}`,
    chatId: 'chat-1',
    content: `message ${n}`,
    senderType: n % 2 ? 'ADMIN' : 'USER',
    readAt: null,
    createdAt: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
    clientId: null,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => message(from + i));

describe('older pages', () => {
  it('merge above the loaded ones in order, and the next page starts before the oldest', () => {
    let state = mergeMessages(emptyChatState, range(50, 100)).state;
    expect(oldestConfirmedId(state)).toBe('m050');
    state = mergeMessages(state, range(0, 50)).state;
    expect(state.entries.map((entry) => entry.id)).toEqual(range(0, 100).map((m) => m.id));
    // A page overlapping what is loaded adds nothing twice.
    state = mergeMessages(state, range(40, 60)).state;
    expect(state.entries).toHaveLength(100);
  });

  it('take hasMore from the newest page until the reader pages back', () => {
    let history = historyAfterNewest(freshHistory, true);
    expect(canLoadOlder(history)).toBe(true);
    history = historyLoading(history);
    expect(canLoadOlder(history)).toBe(false); // one page at a time
    history = historyAfterOlder(true);
    // A reconnection's newest page says nothing about what lies above the older pages.
    expect(historyAfterNewest(history, false)).toBe(history);
    history = historyAfterOlder(false);
    expect(canLoadOlder(history)).toBe(false);
  });

  it('may be asked for again after a failure', () => {
    const failed = historyFailed(historyLoading(historyAfterNewest(freshHistory, true)));
    expect(canLoadOlder(failed)).toBe(true);
  });

  it('stop at once when the newest page has no more', () => {
    expect(canLoadOlder(historyAfterNewest(freshHistory, false))).toBe(false);
  });
});

describe('the scroll anchor', () => {
  const rows: RowBox[] = [
    { key: 'a', top: 0, bottom: 40 },
    { key: 'b', top: 40, bottom: 100 },
    { key: 'c', top: 100, bottom: 130 },
  ];

  it('is the first row still visible, with its offset from the top of the view', () => {
    expect(anchorAt(rows, 0)).toEqual({ key: 'a', offset: 0 });
    expect(anchorAt(rows, 39)).toEqual({ key: 'a', offset: -39 });
    expect(anchorAt(rows, 40)).toEqual({ key: 'b', offset: 0 });
    expect(anchorAt(rows, 70)).toEqual({ key: 'b', offset: -30 });
    expect(anchorAt([], 0)).toBeNull();
  });

  it('puts that row back where it was once a page is added above it', () => {
    const anchor = anchorAt(rows, 70);
    expect(anchor).not.toBeNull();
    if (!anchor) return;
    // 50 older rows of 40 px moved row b from 40 to 2040: scroll by as much.
    expect(scrollTopFor(anchor, 2040)).toBe(2070);
    expect(scrollTopFor({ key: 'a', offset: 12 }, 0)).toBe(0);
  });
});
