// Pure state of one chat's messages: server messages deduplicated by id and ordered,
// plus the staff member's own optimistic sends (pending → sent, or failed → retried).
import type { Message } from '../graphql/types';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface ChatMessage extends Message {
  status: DeliveryStatus;
}

const LOCAL_ID_PREFIX = 'local:';

function isLocal(message: ChatMessage): boolean {
  return message.status !== 'sent';
}

function byCreatedAt(a: ChatMessage, b: ChatMessage): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** Confirmed messages oldest first, then the unconfirmed ones in the order they were written. */
function ordered(messages: ChatMessage[]): ChatMessage[] {
  const sent = messages.filter((message) => !isLocal(message)).sort(byCreatedAt);
  return [...sent, ...messages.filter(isLocal)];
}

/**
 * Merges messages from the server (a page, a live event, a send acknowledgement).
 * A message already known by id is updated in place (a known `readAt` is kept); one whose
 * clientId matches an unconfirmed send replaces it, so the send is confirmed exactly once.
 */
export function mergeMessages(
  messages: readonly ChatMessage[],
  incoming: readonly Message[],
): ChatMessage[] {
  const next = [...messages];
  for (const message of incoming) {
    const byId = next.findIndex((known) => known.id === message.id);
    const byClientId =
      message.clientId === null
        ? -1
        : next.findIndex((known) => isLocal(known) && known.clientId === message.clientId);
    const index = byId >= 0 ? byId : byClientId;
    const known = index >= 0 ? next[index] : undefined;
    const merged: ChatMessage = {
      ...message,
      readAt: message.readAt ?? known?.readAt ?? null,
      status: 'sent',
    };
    if (index >= 0) next[index] = merged;
    else next.push(merged);
    if (byId >= 0 && byClientId >= 0 && byClientId !== byId) next.splice(byClientId, 1);
  }
  return ordered(next);
}

/** Adds an optimistic message of the staff member, shown as pending until confirmed. */
export function addPending(
  messages: readonly ChatMessage[],
  draft: { chatId: string; clientId: string; content: string; createdAt: string },
): ChatMessage[] {
  if (messages.some((message) => message.clientId === draft.clientId)) return [...messages];
  return [
    ...messages,
    {
      id: `${LOCAL_ID_PREFIX}${draft.clientId}`,
      chatId: draft.chatId,
      clientId: draft.clientId,
      content: draft.content,
      senderType: 'ADMIN',
      readAt: null,
      createdAt: draft.createdAt,
      status: 'pending',
    },
  ];
}

function setLocalStatus(
  messages: readonly ChatMessage[],
  clientId: string,
  status: Exclude<DeliveryStatus, 'sent'>,
): ChatMessage[] {
  return messages.map((message) =>
    isLocal(message) && message.clientId === clientId ? { ...message, status } : message,
  );
}

/** The send of `clientId` failed: keep the message, offer a retry. */
export function markFailed(messages: readonly ChatMessage[], clientId: string): ChatMessage[] {
  return setLocalStatus(messages, clientId, 'failed');
}

/** The send of `clientId` is being retried (with the same clientId). */
export function markPending(messages: readonly ChatMessage[], clientId: string): ChatMessage[] {
  return setLocalStatus(messages, clientId, 'pending');
}

/** Applies the user's read receipts (messages with `readAt` set) to known messages. */
export function applyReadReceipts(
  messages: readonly ChatMessage[],
  receipts: readonly Message[],
): ChatMessage[] {
  const readAt = new Map(receipts.map((receipt) => [receipt.id, receipt.readAt]));
  return messages.map((message) => {
    const stamp = readAt.get(message.id);
    return stamp && !message.readAt ? { ...message, readAt: stamp } : message;
  });
}

/** Id of the newest confirmed message (the `after` of a catch-up subscription). */
export function newestId(messages: readonly ChatMessage[]): string | null {
  const sent = messages.filter((message) => !isLocal(message));
  return sent[sent.length - 1]?.id ?? null;
}

/** Id of the oldest confirmed message (the `before` of the next older page). */
export function oldestId(messages: readonly ChatMessage[]): string | null {
  return messages.find((message) => !isLocal(message))?.id ?? null;
}
