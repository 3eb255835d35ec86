import { describe, expect, it } from 'vitest';
import { addPending, applyReadReceipts, emptyChatState, mergeMessages } from '../../shared/src/chat';
import { markRead, seenKey, unreadAdminIds, unreadCount } from '../src/receipts';
import type { Message } from '../src/types';

function message(id: string, minute: number, overrides: Partial<Message> = {}): Message {
  return {
    id,
    chatId: 'chat-1',
    content: `message ${id}`,
    senderType: 'ADMIN',
    readAt: null,
    createdAt: `2026-11-24T14:${String(minute).padStart(2, '0')}:00.000Z`,
    clientId: null,
    seq: minute,
    senderName: null,
    ...overrides,
  };
}

const READ = '2026-11-24T15:00:00.000Z';

describe('unread badge and "Seen"', () => {
  const state = mergeMessages(emptyChatState, [
    message('a', 1, { readAt: '2026-11-24T14:01:30.000Z' }),
    message('b', 2),
    message('c', 3),
    message('u', 4, { senderType: 'USER', clientId: 'c-u' }),
  ]).state;

  it('counts support messages with no readAt, not the user’s own', () => {
    expect(unreadCount(state)).toBe(2);
    expect(unreadAdminIds(state)).toEqual(['b', 'c']);
  });

  it('clears the marked messages only', () => {
    const next = markRead(state, ['b'], READ);
    expect(unreadAdminIds(next)).toEqual(['c']);
    expect(markRead(next, ['c'], READ).entries.every((e) => e.senderType === 'USER' || e.readAt)).toBe(true);
  });

  it('keeps a known readAt when marking read', () => {
    expect(markRead(state, ['a'], READ).entries[0]?.readAt).toBe('2026-11-24T14:01:30.000Z');
  });

  it('shows "Seen" under the last user message once it has readAt', () => {
    expect(seenKey(state)).toBeNull();
    const read = applyReadReceipts(state, [{ id: 'u', readAt: READ }]);
    expect(seenKey(read)).toBe('u');
  });

  it('shows no "Seen" while the newest user message is pending', () => {
    const read = applyReadReceipts(state, [{ id: 'u', readAt: READ }]);
    const pending = addPending(read, { clientId: 'c-2', content: 'x', senderType: 'USER', createdAt: READ });
    expect(seenKey(pending)).toBeNull();
  });
});
