import { addPending, mergeMessages, type ChatState, type ServerMessage } from '../src/chat';

/** An instant on the test day: minute and second past 14:00 UTC. */
export function at(minute: number, second = 0): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `2026-11-24T14:${pad(minute)}:${pad(second)}.000Z`;
}

/** A confirmed message whose seq is `minute` unless overridden (its createdAt is that minute). */
export function message(id: string, minute: number, overrides: Partial<ServerMessage> = {}): ServerMessage {
  return {
    id,
    seq: minute,
    clientId: null,
    content: `message ${id}`,
    senderType: 'USER',
    createdAt: at(minute),
    readAt: null,
    ...overrides,
  };
}

export function merge(state: ChatState, messages: readonly ServerMessage[]): ChatState {
  return mergeMessages(state, messages).state;
}

export function send(state: ChatState, clientId: string, minute = 30, content = 'hello'): ChatState {
  return addPending(state, { clientId, content, senderType: 'USER', createdAt: at(minute) });
}

export const keys = (state: ChatState): string[] => state.entries.map((entry) => entry.key);
export const ids = (state: ChatState): (string | null)[] => state.entries.map((entry) => entry.id);
