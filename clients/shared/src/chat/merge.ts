/** Server messages into the chat state: pages, replays, live events, send results, read receipts. */
import type { Message } from '../contract';
import type { ChatEntry, ChatState, ServerMessage } from './entry';
import { compareEntries } from './order';

function confirmedEntry(known: ChatEntry | undefined, message: ServerMessage): ChatEntry {
  return {
    key: known?.key ?? message.id,
    id: message.id,
    clientId: message.clientId,
    seq: message.seq,
    content: message.content,
    senderType: message.senderType,
    createdAt: message.createdAt,
    // A read receipt never goes away: a stale snapshot must not clear it.
    readAt: message.readAt ?? known?.readAt ?? null,
    status: 'sent',
    attachments: message.attachments ?? known?.attachments ?? [],
    senderName: message.senderName ?? known?.senderName ?? null,
  };
}

/**
 * Merges messages from the server. One already known by id is updated; one
 * carrying the clientId of an unconfirmed send confirms that send (it keeps its
 * key); anything else is added. `added` lists the entries that were not there
 * before in any form.
 */
export function mergeMessages(
  state: ChatState,
  messages: readonly ServerMessage[],
): { state: ChatState; added: ChatEntry[] } {
  if (messages.length === 0) return { state, added: [] };
  const byKey = new Map(state.entries.map((entry) => [entry.key, entry]));
  const keyById = new Map<string, string>();
  const keyByUnconfirmedClientId = new Map<string, string>();
  for (const entry of state.entries) {
    if (entry.id !== null) keyById.set(entry.id, entry.key);
    else if (entry.clientId !== null) keyByUnconfirmedClientId.set(entry.clientId, entry.key);
  }

  const added: ChatEntry[] = [];
  for (const message of messages) {
    const key =
      keyById.get(message.id) ??
      (message.clientId === null ? undefined : keyByUnconfirmedClientId.get(message.clientId));
    const entry = confirmedEntry(key === undefined ? undefined : byKey.get(key), message);
    if (key === undefined) added.push(entry);
    if (message.clientId !== null) keyByUnconfirmedClientId.delete(message.clientId);
    keyById.set(message.id, entry.key);
    byKey.set(entry.key, entry);
  }
  return { state: { entries: [...byKey.values()].sort(compareEntries) }, added };
}

/**
 * Applies read receipts (`messagesRead`) to known messages: the server's readAt
 * wins, and a receipt without one clears nothing.
 */
export function applyReadReceipts(
  state: ChatState,
  receipts: readonly Pick<Message, 'id' | 'readAt'>[],
): ChatState {
  const readAtById = new Map(receipts.map((receipt) => [receipt.id, receipt.readAt]));
  let changed = false;
  const entries = state.entries.map((entry) => {
    const readAt = entry.id === null ? undefined : readAtById.get(entry.id);
    if (!readAt || readAt === entry.readAt) return entry;
    changed = true;
    return { ...entry, readAt };
  });
  return changed ? { entries } : state;
}
