import { useClient } from '@urql/preact';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import {
  addPending,
  applyReadReceipts,
  type ChatEntry,
  type ChatState,
  emptyChatState,
  findUnconfirmed,
  mergeMessages,
  newestConfirmedSeq,
  oldestConfirmedId,
  setSendStatus,
} from '../../../shared/src/chat';
import { LINK_REFRESH_MARGIN_MS, linksExpireAt, type Attachment } from '../../../shared/src/attachments';
import { newClientId } from '../../../shared/src/clientId';
import { errorCode } from '../graphql/errors';
import {
  CHAT_MESSAGES,
  MARK_READ,
  MESSAGE_ADDED,
  MESSAGES_READ,
  SEND_MESSAGE,
} from '../graphql/operations';
import type { Chat, Message } from '../graphql/types';
import { coalesce } from '../lib/coalesce';
import { useChatStore } from './useChatStore';

const MESSAGE_PAGE_SIZE = 50;

export type ChatPhase = 'loading' | 'ready' | 'notFound' | 'failed';

/** Who wrote each confirmed message, by id (the shared chat state keeps no names). */
export type SenderNames = Readonly<Record<string, string>>;

interface State {
  phase: ChatPhase;
  chat: Chat | null;
  messages: ChatState;
  senderNames: SenderNames;
  hasMore: boolean;
  loadingOlder: boolean;
}

function withSenderNames(names: SenderNames, messages: readonly Message[]): SenderNames {
  const named = messages.flatMap(({ id, senderName }) =>
    senderName !== null && names[id] !== senderName ? [[id, senderName] as const] : [],
  );
  return named.length === 0 ? names : { ...names, ...Object.fromEntries(named) };
}

type Action =
  | { type: 'loaded'; chat: Chat; messages: Message[]; hasMore: boolean }
  | { type: 'missing'; phase: 'notFound' | 'failed' }
  | { type: 'loadingOlder' }
  | { type: 'older'; messages: Message[]; hasMore: boolean }
  | { type: 'olderFailed' }
  | { type: 'received'; messages: Message[] }
  | { type: 'receipts'; messages: Message[] }
  | { type: 'sending'; clientId: string; content: string; attachments: readonly Attachment[] }
  | { type: 'retrying'; clientId: string }
  | { type: 'failed'; clientId: string };

const INITIAL: State = {
  phase: 'loading',
  chat: null,
  messages: emptyChatState,
  senderNames: {},
  hasMore: false,
  loadingOlder: false,
};

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        phase: 'ready',
        chat: action.chat,
        messages: mergeMessages(state.messages, action.messages).state,
        senderNames: withSenderNames(state.senderNames, action.messages),
        hasMore: state.phase === 'ready' ? state.hasMore : action.hasMore,
      };
    case 'missing':
      return { ...state, phase: action.phase };
    case 'loadingOlder':
      return { ...state, loadingOlder: true };
    case 'older':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.messages).state,
        senderNames: withSenderNames(state.senderNames, action.messages),
        hasMore: action.hasMore,
        loadingOlder: false,
      };
    case 'olderFailed':
      return { ...state, loadingOlder: false };
    case 'received':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.messages).state,
        senderNames: withSenderNames(state.senderNames, action.messages),
      };
    case 'receipts':
      return { ...state, messages: applyReadReceipts(state.messages, action.messages) };
    case 'sending':
      return {
        ...state,
        messages: addPending(state.messages, {
          clientId: action.clientId,
          content: action.content,
          senderType: 'ADMIN',
          createdAt: new Date().toISOString(),
          attachments: action.attachments,
        }),
      };
    case 'retrying':
      return { ...state, messages: setSendStatus(state.messages, action.clientId, 'pending') };
    case 'failed':
      return { ...state, messages: setSendStatus(state.messages, action.clientId, 'failed') };
  }
}

export interface ChatMessages {
  phase: ChatPhase;
  /** The chat as last loaded here (the store may hold a newer version). */
  chat: Chat | null;
  /** In display order: see clients/shared/README.md. */
  messages: readonly ChatEntry[];
  senderNames: SenderNames;
  hasMore: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  send: (content: string, attachments?: readonly Attachment[]) => void;
  retry: (clientId: string) => void;
}

/**
 * One open chat: its newest messages, older pages on demand, live messages and read
 * receipts (resubscribed with `afterSeq` = newest known seq after every reconnect), optimistic
 * sends, and markRead on open and for every user message that arrives while open.
 */
export function useChatMessages(chatId: string): ChatMessages {
  const client = useClient();
  const { receive, reconnects } = useChatStore();
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const latest = useRef(state);
  latest.current = state;
  const linksExpiring = useLinkRefresh(state.messages.entries.slice(-MESSAGE_PAGE_SIZE));

  const markRead = useMemo(
    () =>
      coalesce(async () => {
        const { data } = await client.mutation(MARK_READ, { chatId }).toPromise();
        if (data) receive([data.markRead]);
      }),
    [client, chatId, receive],
  );

  // The newest page: on open, and again after a reconnect (refreshes read receipts).
  useEffect(() => {
    void client
      .query(CHAT_MESSAGES, { id: chatId, last: MESSAGE_PAGE_SIZE, before: null })
      .toPromise()
      .then(({ data, error }) => {
        const chat = data?.chat;
        if (!chat) {
          const code = errorCode(error);
          const missing = !error || code === 'NOT_FOUND' || code === 'FORBIDDEN';
          if (latest.current.phase === 'loading') {
            dispatch({ type: 'missing', phase: missing ? 'notFound' : 'failed' });
          }
          return;
        }
        const { messages, ...summary } = chat;
        receive([summary]);
        dispatch({ type: 'loaded', chat: summary, messages: messages.nodes, hasMore: messages.hasMore });
        markRead();
      });
  }, [client, chatId, receive, markRead, reconnects, linksExpiring]);

  const ready = state.phase === 'ready';

  useEffect(() => {
    if (!ready) return;
    const afterSeq = newestConfirmedSeq(latest.current.messages);
    const subscription = client
      .subscription(MESSAGE_ADDED, { chatId, afterSeq })
      .subscribe(({ data }) => {
        if (!data) return;
        dispatch({ type: 'received', messages: [data.messageAdded] });
        if (data.messageAdded.senderType === 'USER') markRead();
      });
    return () => subscription.unsubscribe();
  }, [client, chatId, ready, markRead, reconnects]);

  useEffect(() => {
    const subscription = client.subscription(MESSAGES_READ, { chatId }).subscribe(({ data }) => {
      if (data) dispatch({ type: 'receipts', messages: data.messagesRead });
    });
    return () => subscription.unsubscribe();
  }, [client, chatId, reconnects]);

  const loadOlder = useCallback(() => {
    const { phase, hasMore, loadingOlder, messages } = latest.current;
    const before = oldestConfirmedId(messages);
    if (phase !== 'ready' || !hasMore || loadingOlder || before === null) return;
    dispatch({ type: 'loadingOlder' });
    void client
      .query(CHAT_MESSAGES, { id: chatId, last: MESSAGE_PAGE_SIZE, before })
      .toPromise()
      .then(({ data }) => {
        const page = data?.chat?.messages;
        dispatch(
          page ? { type: 'older', messages: page.nodes, hasMore: page.hasMore } : { type: 'olderFailed' },
        );
      });
  }, [client, chatId]);

  const deliver = useCallback(
    (clientId: string, content: string, attachments: readonly Attachment[] = []) => {
      const attachmentIds = attachments.length ? attachments.map((attachment) => attachment.id) : null;
      void client
        .mutation(SEND_MESSAGE, { chatId, content, clientId, attachmentIds })
        .toPromise()
        .then(({ data }) => {
          dispatch(
            data ? { type: 'received', messages: [data.sendMessage] } : { type: 'failed', clientId },
          );
        });
    },
    [client, chatId],
  );

  const send = useCallback(
    (content: string, attachments: readonly Attachment[] = []) => {
      const trimmed = content.trim();
      if (!trimmed && attachments.length === 0) return;
      const clientId = newClientId();
      dispatch({ type: 'sending', clientId, content: trimmed, attachments });
      deliver(clientId, trimmed, attachments);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const send = findUnconfirmed(latest.current.messages, clientId);
      if (send?.status !== 'failed') return;
      dispatch({ type: 'retrying', clientId });
      deliver(clientId, send.content, send.attachments);
    },
    [deliver],
  );

  return { ...state, messages: state.messages.entries, loadOlder, send, retry };
}

/** Counts up shortly before the first attachment link of the newest page expires, to load it again. */
function useLinkRefresh(entries: readonly ChatEntry[]): number {
  const [count, setCount] = useState(0);
  const expiry = linksExpireAt(entries);
  useEffect(() => {
    if (expiry === null) return;
    const wait = Math.max(expiry - LINK_REFRESH_MARGIN_MS - Date.now(), 10_000);
    const timer = setTimeout(() => setCount((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [expiry]);
  return count;
}
