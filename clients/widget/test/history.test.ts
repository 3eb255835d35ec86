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
  scrollTopKeeping,
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
    seq: n,
    senderName: null,
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
  // On screen; the scrolled view starts at y = 100.
  const rows: RowBox[] = [
    { key: 'a', top: 60, bottom: 100 },
    { key: 'b', top: 100, bottom: 160 },
    { key: 'c', top: 160, bottom: 190 },
  ];

  it('is the first row still visible, by its bottom edge', () => {
    expect(anchorAt(rows, 100)).toEqual({ key: 'b', bottom: 160 });
    expect(anchorAt(rows, 99)).toEqual({ key: 'a', bottom: 100 });
    expect(anchorAt(rows, 500)).toEqual({ key: 'c', bottom: 190 }); // below them all: the last
    expect(anchorAt([], 0)).toBeNull();
  });

  it('puts that row back where it was once a page is added above it', () => {
    const anchor = { key: 'b', bottom: 160 };
    // 50 older rows of 40 px pushed row b down by 2000 px (less 24 px of a day heading it lost).
    expect(scrollTopKeeping(anchor, 0, 2136)).toBe(1976);
    expect(scrollTopKeeping(anchor, 300, 160)).toBe(300); // nothing moved
    expect(scrollTopKeeping(anchor, 10, 100)).toBe(0);
  });
});
