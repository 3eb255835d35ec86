import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Chat } from '../graphql/types';
import type { ChatIndex } from '../lib/chatList';

/** The chats known to the dashboard, shared by the list, the chat view and the title. */
export interface ChatStore {
  chats: ChatIndex;
  /** Merge chats from a query or mutation result. */
  receive: (chats: readonly Chat[]) => void;
  /** Grows each time the WebSocket reconnects: views refetch and resubscribe to catch up. */
  reconnects: number;
}

export const ChatStoreContext = createContext<ChatStore | null>(null);

export function useChatStore(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error('useChatStore outside ChatStoreContext');
  return store;
}
