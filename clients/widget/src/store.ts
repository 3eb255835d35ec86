/**
 * Pure chat state: the ordered, de-duplicated list of messages, including the
 * user's own messages that the server has not confirmed yet. No DOM, no I/O:
 * every function returns a new state (or the same one when nothing changed).
 */
import type { Message, SenderType } from './types';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Entry {
  /** Stable render key: the clientId of the user's own sends, otherwise the id. */
  readonly key: string;
  /** Server id; null until the server confirmed the message. */
  readonly id: string | null;
  readonly clientId: string | null;
  readonly content: string;
  readonly senderType: SenderType;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly status: DeliveryStatus;
}

export interface ChatState {
  readonly entries: readonly Entry[];
}

export const emptyState: ChatState = { entries: [] };

/** Confirmed entries by createdAt then id; unconfirmed ones after them, in send order. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.id === null || b.id === null) return (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0);
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function confirmed(entry: Entry | null, message: Message): Entry {
  return {
    key: entry?.key ?? message.id,
    id: message.id,
    clientId: message.clientId,
    content: message.content,
    senderType: message.senderType,
    createdAt: message.createdAt,
    // A read receipt never goes away: a stale snapshot must not clear it.
    readAt: message.readAt ?? entry?.readAt ?? null,
    status: 'sent',
  };
}

/**
 * Merges messages from the server (a page, a replayed batch, a live event or a
 * mutation result). A message already known by id is updated; one carrying the
 * clientId of an unconfirmed send confirms it; anything else is added.
 * `added` lists the entries that were not there before in any form.
 */
export function mergeMessages(
  state: ChatState,
  messages: readonly Message[],
): { state: ChatState; added: Entry[] } {
  if (messages.length === 0) return { state, added: [] };
  const entries = [...state.entries];
  const added: Entry[] = [];
  for (const message of messages) {
    const index = entries.findIndex(
      (e) =>
        e.id === message.id ||
        (e.id === null && message.clientId !== null && e.clientId === message.clientId),
    );
    const existing = entries[index];
    if (existing) {
      entries[index] = confirmed(existing, message);
    } else {
      const entry = confirmed(null, message);
      entries.push(entry);
      added.push(entry);
    }
  }
  return { state: { entries: entries.sort(compareEntries) }, added };
}

/** Applies read receipts (`messagesRead`) to messages we already show. */
export function applyReadReceipts(state: ChatState, messages: readonly Message[]): ChatState {
  let changed = false;
  const entries = state.entries.map((entry) => {
    const receipt = messages.find((m) => m.id === entry.id);
    if (!receipt?.readAt || entry.readAt === receipt.readAt) return entry;
    changed = true;
    return { ...entry, readAt: receipt.readAt };
  });
  return changed ? { entries } : state;
}

/** Adds the user's own message, shown at once, before the server has it. */
export function addPending(
  state: ChatState,
  send: { clientId: string; content: string; createdAt: string },
): ChatState {
  const entry: Entry = {
    key: send.clientId,
    id: null,
    clientId: send.clientId,
    content: send.content,
    senderType: 'USER',
    createdAt: send.createdAt,
    readAt: null,
    status: 'pending',
  };
  return { entries: [...state.entries, entry] };
}

/**
 * Sets the status of an unconfirmed send ('failed' after an error, 'pending'
 * on retry). A send that got confirmed meanwhile (e.g. by the subscription
 * while the mutation's answer was lost) is left as it is.
 */
export function setSendStatus(
  state: ChatState,
  clientId: string,
  status: 'pending' | 'failed',
): ChatState {
  const index = state.entries.findIndex((e) => e.id === null && e.clientId === clientId);
  const entry = state.entries[index];
  if (!entry || entry.status === status) return state;
  const entries = [...state.entries];
  entries[index] = { ...entry, status };
  return { entries };
}

/** The unconfirmed send with this clientId, if any (to retry it). */
export function findUnconfirmed(state: ChatState, clientId: string): Entry | undefined {
  return state.entries.find((e) => e.id === null && e.clientId === clientId);
}

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

/** The id to pass as `after` when (re)subscribing: the newest confirmed message. */
export function newestConfirmedId(state: ChatState): string | null {
  for (let i = state.entries.length - 1; i >= 0; i--) {
    const id = state.entries[i]?.id;
    if (id) return id;
  }
  return null;
}

/** Key of the user's last message when support has read it ("Seen"), else null. */
export function seenKey(state: ChatState): string | null {
  const mine = state.entries.filter((e) => e.senderType === 'USER');
  const last = mine[mine.length - 1];
  return last?.readAt ? last.key : null;
}
