import { useClient } from '@urql/preact';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { CHAT_SUMMARY, CHAT_UPDATED, CHATS, NEW_USER_MESSAGE, UNREAD_CHAT_COUNT } from '../graphql/operations';
import type { Chat, NewUserMessageEvent } from '../graphql/types';
import { chatListReducer, isKnownChat } from '../lib/chatList';
import { CHAT_PAGE_SIZE } from './useChatPages';
import type { ChatStore } from './useChatStore';

const TITLE = 'Support Chats';
/** Message ids of recent newUserMessage events, to drop the repeats of a resume. */
const REMEMBERED_EVENTS = 500;
/** Live events come in bursts: the unread count is asked for once a burst is over. */
const UNREAD_COUNT_DELAY_MS = 400;

export interface LiveChatsOptions {
  reconnects: number;
  /** Sound, notification: called once per new user message. */
  onNewUserMessage: (event: NewUserMessageEvent) => void;
}

/**
 * Owns the dashboard's chat index: keeps it live with `chatUpdated` and `newUserMessage`,
 * refreshes the newest active chats on start and after a reconnect, and shows the number
 * of unread chats in the tab title (the server's count: loaded or not).
 */
export function useLiveChats({ reconnects, onNewUserMessage }: LiveChatsOptions): ChatStore {
  const client = useClient();
  const [chats, dispatch] = useReducer(chatListReducer, {});
  const latest = useRef({ chats, onNewUserMessage });
  latest.current = { chats, onNewUserMessage };

  const receive = useCallback((received: readonly Chat[]) => {
    dispatch({ type: 'chatsReceived', chats: received });
  }, []);

  useEffect(() => {
    const subscription = client.subscription(CHAT_UPDATED, {}).subscribe((result) => {
      if (result.data) receive([result.data.chatUpdated]);
    });
    return () => subscription.unsubscribe();
  }, [client, receive]);

  // Resumed after every reconnect from the last event's cursor: nothing missed, and a
  // repeat (graphql-ws also resubscribes with the cursor it had) is dropped by message id.
  const lastCursor = useRef<string | null>(null);
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const variables = { after: lastCursor.current };
    const subscription = client.subscription(NEW_USER_MESSAGE, variables).subscribe((result) => {
      const event = result.data?.newUserMessage;
      if (!event || seen.current.has(event.message.id)) return;
      seen.current.add(event.message.id);
      if (seen.current.size > REMEMBERED_EVENTS) {
        seen.current.delete(seen.current.values().next().value as string);
      }
      lastCursor.current = event.cursor;
      if (isKnownChat(latest.current.chats, event.chatId)) {
        dispatch({ type: 'newUserMessage', event });
      } else {
        void client
          .query(CHAT_SUMMARY, { id: event.chatId })
          .toPromise()
          .then(({ data }) => data?.chat && receive([data.chat]));
      }
      latest.current.onNewUserMessage(event);
    });
    return () => subscription.unsubscribe();
  }, [client, receive, reconnects]);

  useEffect(() => {
    void client
      .query(CHATS, { archived: false, first: CHAT_PAGE_SIZE, after: null, search: null, assignee: 'ANYONE' })
      .toPromise()
      .then(({ data }) => data && receive(data.chats.edges.map((edge) => edge.node)));
  }, [client, receive, reconnects]);

  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      void client
        .query(UNREAD_CHAT_COUNT, {})
        .toPromise()
        .then(({ data }) => data && setUnread(data.unreadChatCount));
    }, UNREAD_COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, chats, reconnects]);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
  }, [unread]);
  useEffect(
    () => () => {
      document.title = TITLE;
    },
    [],
  );

  return useMemo(() => ({ chats, receive, reconnects }), [chats, receive, reconnects]);
}
