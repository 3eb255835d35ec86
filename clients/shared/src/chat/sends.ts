/** Optimistic sends: shown at once as pending, 'failed' after an error, retried with the same clientId. */
import type { Attachment } from '../attachments';
import type { SenderType } from '../contract';
import type { ChatEntry, ChatState } from './entry';

/** Adds a message written here, before the server has it. A clientId already shown changes nothing. */
export function addPending(
  state: ChatState,
  send: {
    clientId: string;
    content: string;
    senderType: SenderType;
    createdAt: string;
    attachments?: readonly Attachment[];
  },
): ChatState {
  if (state.entries.some((entry) => entry.clientId === send.clientId)) return state;
  const entry: ChatEntry = {
    key: send.clientId,
    id: null,
    clientId: send.clientId,
    seq: null,
    content: send.content,
    senderType: send.senderType,
    createdAt: send.createdAt,
    readAt: null,
    status: 'pending',
    attachments: send.attachments ?? [],
  };
  return { entries: [...state.entries, entry] };
}

/** The unconfirmed send with this clientId, if any (to retry it). */
export function findUnconfirmed(state: ChatState, clientId: string): ChatEntry | undefined {
  return state.entries.find((entry) => entry.id === null && entry.clientId === clientId);
}

/**
 * Sets the status of an unconfirmed send ('failed' after an error, 'pending'
 * on retry). A send confirmed meanwhile (e.g. by the subscription while the
 * mutation's answer was lost) is left as it is.
 */
export function setSendStatus(state: ChatState, clientId: string, status: 'pending' | 'failed'): ChatState {
  const entry = findUnconfirmed(state, clientId);
  if (!entry || entry.status === status) return state;
  return { entries: state.entries.map((known) => (known === entry ? { ...entry, status } : known)) };
}
