// Pure state of the chats the dashboard knows about, merged from queries and live events.
import type { AssigneeFilter, Chat, NewUserMessageEvent } from '../graphql/types';

/** Every known chat by id; the lists shown are views of it (see `selectChats`). */
export type ChatIndex = Readonly<Record<string, Chat>>;

export type ChatListAction =
  | { type: 'chatsReceived'; chats: readonly Chat[] }
  | { type: 'newUserMessage'; event: NewUserMessageEvent };

export interface ChatFilter {
  archived: boolean;
  search: string;
  assignee: AssigneeFilter;
  /** The staff member looking: whose chats "ME" means. */
  viewerId: string;
}

/** The server's preview length (Chat.lastMessagePreview). */
const PREVIEW_LENGTH = 100;

function time(iso: string | null): number {
  return iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso);
}

/**
 * Newest activity first, like the API's `chats` order: by lastMessageAt descending,
 * chats without messages last (newest created first), then by id for a stable order.
 */
export function compareChats(a: Chat, b: Chat): number {
  return (
    time(b.lastMessageAt) - time(a.lastMessageAt) ||
    time(b.createdAt) - time(a.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Inserts or replaces a chat. A version whose lastSeq is below the known one is
 * stale (a query answered before a live event arrived) and is ignored; the same version
 * twice leaves the index unchanged.
 */
export function upsertChat(index: ChatIndex, chat: Chat): ChatIndex {
  const known = index[chat.id];
  if (known && chat.lastSeq < known.lastSeq) return index;
  if (known && sameChat(known, chat)) return index;
  return { ...index, [chat.id]: chat };
}

function sameChat(a: Chat, b: Chat): boolean {
  return (
    a.archived === b.archived &&
    a.archivedAt === b.archivedAt &&
    a.lastSeq === b.lastSeq &&
    a.lastMessageAt === b.lastMessageAt &&
    a.lastMessagePreview === b.lastMessagePreview &&
    a.lastMessageSender === b.lastMessageSender &&
    a.messageCount === b.messageCount &&
    a.unread === b.unread &&
    a.user.email === b.user.email &&
    a.user.name === b.user.name &&
    a.assignee?.id === b.assignee?.id &&
    a.assignee?.name === b.assignee?.name &&
    a.rating === b.rating &&
    a.ratingComment === b.ratingComment
  );
}

/**
 * Applies a new user message to a known chat: it moves to the top, becomes unread and
 * active again (a user message un-archives its chat). Unknown chats are left to a fetch
 * (see `isKnownChat`); a message not newer than the chat's last one is a duplicate.
 */
export function applyNewUserMessage(index: ChatIndex, event: NewUserMessageEvent): ChatIndex {
  const known = index[event.chatId];
  if (!known) return index;
  const { message } = event;
  if (message.seq <= known.lastSeq) return index;
  return {
    ...index,
    [known.id]: {
      ...known,
      archived: false,
      archivedAt: null,
      lastMessageAt: message.createdAt,
      lastMessagePreview: message.content.slice(0, PREVIEW_LENGTH),
      lastMessageSender: 'USER',
      messageCount: known.messageCount + 1,
      lastSeq: message.seq,
      unread: true,
    },
  };
}

export function isKnownChat(index: ChatIndex, chatId: string): boolean {
  return chatId in index;
}

export function chatListReducer(index: ChatIndex, action: ChatListAction): ChatIndex {
  switch (action.type) {
    case 'chatsReceived':
      return action.chats.reduce(upsertChat, index);
    case 'newUserMessage':
      return applyNewUserMessage(index, action.event);
  }
}

/** Case-insensitive substring match on the user's email, like the API's `search`. */
export function matchesSearch(chat: Chat, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || chat.user.email.toLowerCase().includes(needle);
}

/** Like the API's `chats(assignee:)`. */
export function matchesAssignee(chat: Chat, assignee: AssigneeFilter, viewerId: string): boolean {
  switch (assignee) {
    case 'ANYONE':
      return true;
    case 'ME':
      return chat.assignee?.id === viewerId;
    case 'NOBODY':
      return chat.assignee === null;
  }
}

/**
 * The chats of one list (tab, assignee and search), newest activity first. Chats without
 * messages (a user who only opened the widget) are not shown, as the API leaves them out.
 */
export function selectChats(index: ChatIndex, filter: ChatFilter): Chat[] {
  return Object.values(index)
    .filter(
      (chat) =>
        chat.messageCount > 0 &&
        chat.archived === filter.archived &&
        matchesAssignee(chat, filter.assignee, filter.viewerId) &&
        matchesSearch(chat, filter.search),
    )
    .sort(compareChats);
}
