import { describe, expect, it } from 'vitest';
import type { Chat, NewUserMessageEvent } from '../graphql/types';
import {
  applyNewUserMessage,
  type ChatIndex,
  chatListReducer,
  selectChats,
  upsertChat,
} from './chatList';

function chat(id: string, overrides: Partial<Chat> = {}): Chat {
  return {
    id,
    user: { id: `user-${id}`, email: `${id}@example.com`, name: null },
    archived: false,
    archivedAt: null,
    lastMessageAt: '2024-01-29T10:00:00.000Z',
    lastMessagePreview: 'Hello',
    lastMessageSender: 'USER',
    messageCount: 1,
    unread: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    lastSeq: 1,
    assignee: null,
    rating: null,
    ratingComment: null,
    ...overrides,
  };
}

function indexOf(...chats: Chat[]): ChatIndex {
  return chatListReducer({}, { type: 'chatsReceived', chats });
}

function ids(chats: Chat[]): string[] {
  return chats.map((item) => item.id);
}

const VIEWER = 'staff-me';
const active = { archived: false, search: '', assignee: 'ANYONE', viewerId: VIEWER } as const;
const archivedTab = { ...active, archived: true };

const olderList = indexOf(
  chat('a', { lastMessageAt: '2024-01-29T10:00:00.000Z' }),
  chat('b', { lastMessageAt: '2024-01-29T11:00:00.000Z' }),
  chat('c', { lastMessageAt: '2024-01-29T09:00:00.000Z' }),
);

describe('selectChats', () => {
  it('orders by last message, newest first', () => {
    expect(ids(selectChats(olderList, active))).toEqual(['b', 'a', 'c']);
  });

  it('hides chats without messages, and filters by tab and email', () => {
    const index = indexOf(
      chat('empty', { lastMessageAt: null, lastMessagePreview: null, messageCount: 0 }),
      chat('x', { user: { id: 'u', email: 'Alice@Example.com', name: null } }),
      chat('gone', { archived: true }),
    );
    expect(ids(selectChats(index, active))).toEqual(['x']);
    expect(ids(selectChats(index, archivedTab))).toEqual(['gone']);
    expect(ids(selectChats(index, { ...active, search: ' alice@ ' }))).toEqual(['x']);
    expect(ids(selectChats(index, { ...active, search: 'bob' }))).toEqual([]);
  });

  it('filters by assignee: mine, nobody, anyone', () => {
    const me = { id: VIEWER, email: 'me@example.com', name: 'Me' };
    const colleague = { id: 'staff-other', email: 'other@example.com', name: null };
    const index = indexOf(
      chat('mine', { assignee: me }),
      chat('theirs', { assignee: colleague, lastMessageAt: '2024-01-29T11:00:00.000Z' }),
      chat('free', { lastMessageAt: '2024-01-29T09:00:00.000Z' }),
    );
    expect(ids(selectChats(index, active))).toEqual(['theirs', 'mine', 'free']);
    expect(ids(selectChats(index, { ...active, assignee: 'ME' }))).toEqual(['mine']);
    expect(ids(selectChats(index, { ...active, assignee: 'NOBODY' }))).toEqual(['free']);
    expect(ids(selectChats(index, { ...active, assignee: 'ME', viewerId: 'staff-other' }))).toEqual(['theirs']);
  });

  it('moves a chat between the assignee lists when it is reassigned', () => {
    const me = { id: VIEWER, email: 'me@example.com', name: 'Me' };
    const assigned = upsertChat(olderList, chat('a', { assignee: me }));
    expect(ids(selectChats(assigned, { ...active, assignee: 'ME' }))).toEqual(['a']);
    expect(ids(selectChats(assigned, { ...active, assignee: 'NOBODY' }))).toEqual(['b', 'c']);
    const released = upsertChat(assigned, chat('a'));
    expect(selectChats(released, { ...active, assignee: 'ME' })).toEqual([]);
  });
});

describe('chatUpdated upsert', () => {
  it('moves a chat with a new message to the top', () => {
    const updated = upsertChat(
      olderList,
      chat('c', { lastMessageAt: '2024-01-29T12:00:00.000Z', unread: true, messageCount: 2 }),
    );
    expect(ids(selectChats(updated, active))).toEqual(['c', 'b', 'a']);
  });

  it('adds a chat it did not know', () => {
    const updated = upsertChat(olderList, chat('new', { lastMessageAt: '2024-01-29T12:00:00.000Z' }));
    expect(ids(selectChats(updated, active))).toEqual(['new', 'b', 'a', 'c']);
  });

  it('takes another agent reply (preview by ADMIN) as the new summary', () => {
    const updated = upsertChat(
      olderList,
      chat('a', {
        lastMessageAt: '2024-01-29T12:00:00.000Z',
        lastMessagePreview: 'On it!',
        lastMessageSender: 'ADMIN',
        messageCount: 2,
      }),
    );
    expect(updated['a']).toMatchObject({ lastMessagePreview: 'On it!', lastMessageSender: 'ADMIN' });
  });

  it('moves a chat archived elsewhere from Active to Archived, and back on restore', () => {
    const archived = upsertChat(olderList, chat('b', { archived: true, archivedAt: '2024-01-29T13:00:00.000Z', lastMessageAt: '2024-01-29T11:00:00.000Z' }));
    expect(ids(selectChats(archived, active))).toEqual(['a', 'c']);
    expect(ids(selectChats(archived, archivedTab))).toEqual(['b']);
    const restored = upsertChat(archived, chat('b', { lastMessageAt: '2024-01-29T11:00:00.000Z' }));
    expect(ids(selectChats(restored, active))).toEqual(['b', 'a', 'c']);
    expect(selectChats(restored, archivedTab)).toEqual([]);
  });

  it('applies read state changes with the same last message', () => {
    const unread = upsertChat(olderList, chat('a', { unread: true }));
    expect(unread['a']?.unread).toBe(true);
    expect(upsertChat(unread, chat('a', { unread: false }))['a']?.unread).toBe(false);
  });

  it('is idempotent for duplicate events', () => {
    const event = chat('c', { lastMessageAt: '2024-01-29T12:00:00.000Z', unread: true, messageCount: 2 });
    const once = upsertChat(olderList, event);
    const twice = upsertChat(once, { ...event, user: { ...event.user } });
    expect(twice).toBe(once);
  });

  it('ignores a stale version older than the known last message', () => {
    const fresh = upsertChat(olderList, chat('a', { lastMessageAt: '2024-01-29T12:00:00.000Z', messageCount: 2, lastSeq: 2 }));
    const stale = upsertChat(fresh, chat('a', { lastMessageAt: '2024-01-29T10:00:00.000Z', messageCount: 1 }));
    expect(stale).toBe(fresh);
  });
});

describe('newUserMessage', () => {
  function event(chatId: string, id: string, createdAt: string, content = 'Help please', seq = 2): NewUserMessageEvent {
    return {
      chatId,
      userEmail: `${chatId}@example.com`,
      cursor: `cursor-${id}`,
      message: { id, chatId, content, senderType: 'USER', readAt: null, createdAt, clientId: null, seq, senderName: null },
    };
  }

  it('moves the chat to the top, unread, with the new preview and count', () => {
    const updated = applyNewUserMessage(olderList, event('c', 'm1', '2024-01-29T12:00:00.000Z'));
    expect(ids(selectChats(updated, active))).toEqual(['c', 'b', 'a']);
    expect(updated['c']).toMatchObject({
      unread: true,
      lastMessagePreview: 'Help please',
      lastMessageSender: 'USER',
      messageCount: 2,
    });
  });

  it('brings an archived chat back to Active', () => {
    const index = indexOf(chat('z', { archived: true, archivedAt: '2024-01-29T10:30:00.000Z' }));
    const updated = applyNewUserMessage(index, event('z', 'm1', '2024-01-29T12:00:00.000Z'));
    expect(ids(selectChats(updated, active))).toEqual(['z']);
    expect(selectChats(updated, archivedTab)).toEqual([]);
  });

  it('is idempotent for the same event twice', () => {
    const first = applyNewUserMessage(olderList, event('c', 'm1', '2024-01-29T12:00:00.000Z'));
    expect(applyNewUserMessage(first, event('c', 'm1', '2024-01-29T12:00:00.000Z'))).toBe(first);
    expect(first['c']?.messageCount).toBe(2);
  });

  it('counts a message from a host whose clock is behind: seq decides, not createdAt', () => {
    const updated = applyNewUserMessage(olderList, event('b', 'm1', '2024-01-29T09:00:00.000Z'));
    expect(updated['b']).toMatchObject({ messageCount: 2, lastSeq: 2 });
  });

  it('drops an event whose seq the chat already has', () => {
    const known = indexOf(chat('a', { lastSeq: 5 }));
    expect(applyNewUserMessage(known, event('a', 'm1', '2024-01-29T12:00:00.000Z', 'late', 5))).toBe(known);
  });

  it('leaves unknown chats to a fetch', () => {
    expect(applyNewUserMessage(olderList, event('unknown', 'm1', '2024-01-29T12:00:00.000Z'))).toBe(olderList);
  });

  it('truncates the preview to 100 characters', () => {
    const updated = applyNewUserMessage(olderList, event('a', 'm1', '2024-01-29T12:00:00.000Z', 'x'.repeat(150)));
    expect(updated['a']?.lastMessagePreview).toHaveLength(100);
  });
});

