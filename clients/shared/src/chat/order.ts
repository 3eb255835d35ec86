import type { ChatEntry } from './entry';

/**
 * The one display order of a chat: confirmed messages by seq (the server's
 * order, whatever the senders' clocks said); unconfirmed sends after all of
 * them, in send order (they compare equal and the sort is stable). So the
 * newest confirmed entry carries the right `afterSeq` to resume from.
 */
export function compareEntries(a: ChatEntry, b: ChatEntry): number {
  if (a.seq === null || b.seq === null) return Number(a.seq === null) - Number(b.seq === null);
  return a.seq - b.seq;
}
