import type { ChatEntry } from './entry';

/**
 * The one display order of a chat: confirmed messages by createdAt, then id;
 * unconfirmed sends after all of them, in send order (they compare equal and
 * the sort is stable). This is the server's order too (its ids are lowercase
 * UUIDs, which compare as strings as they do as bytes), so the newest entry is
 * the right `after` cursor.
 */
export function compareEntries(a: ChatEntry, b: ChatEntry): number {
  if (a.id === null || b.id === null) return Number(a.id === null) - Number(b.id === null);
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
