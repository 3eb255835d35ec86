/**
 * Read state as the widget shows it: the unread badge (support messages the
 * user has not read) and "Seen" (support read the user's last message).
 * Pure, over the shared chat state.
 */
import type { ChatState } from '../../shared/src/chat';

/** Ids of the support messages the user has not read yet. */
export function unreadAdminIds(state: ChatState): string[] {
  return state.entries.flatMap((e) =>
    e.senderType === 'ADMIN' && e.readAt === null && e.id !== null ? [e.id] : [],
  );
}

/** The badge count: support messages the user has not read. */
export function unreadCount(state: ChatState): number {
  return unreadAdminIds(state).length;
}

/** Stamps `readAt` on these messages (after `markRead` succeeded). */
export function markRead(state: ChatState, ids: readonly string[], readAt: string): ChatState {
  if (ids.length === 0) return state;
  return {
    entries: state.entries.map((e) =>
      e.id !== null && e.readAt === null && ids.includes(e.id) ? { ...e, readAt } : e,
    ),
  };
}

/** Key of the user's last message when support has read it ("Seen"), else null. */
export function seenKey(state: ChatState): string | null {
  const mine = state.entries.filter((e) => e.senderType === 'USER');
  const last = mine[mine.length - 1];
  return last?.readAt ? last.key : null;
}
