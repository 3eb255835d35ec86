import { Provider } from '@urql/preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from '../graphql/client';
import type { NewUserMessageEvent } from '../graphql/types';
import { useChatActions } from '../hooks/useChatActions';
import { useChatPages } from '../hooks/useChatPages';
import { ChatStoreContext, useChatStore } from '../hooks/useChatStore';
import { useDebounced } from '../hooks/useDebounced';
import { useLiveChats } from '../hooks/useLiveChats';
import { useRoute } from '../hooks/useRoute';
import { useShortcuts } from '../hooks/useShortcuts';
import { TeamContext, useTeamState } from '../hooks/useTeam';
import { TypingContext, useTypingState } from '../hooks/useTyping';
import { selectChats } from '../lib/chatList';
import { moveSelection, type ShortcutAction } from '../lib/keyboard';
import { notifyNewMessage } from '../lib/notifications';
import { chatHref, type ListRoute } from '../lib/route';
import type { Session } from '../lib/session';
import { createChime, loadMuted, saveMuted } from '../lib/sound';
import { ChatList } from './ChatList';
import { ChatView } from './ChatView';
import { ContactPanel } from './ContactPanel';
import { SavedRepliesPage } from './SavedRepliesPage';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TopBar } from './TopBar';

const SEARCH_DELAY_MS = 300;

interface Props {
  session: Session;
  onLogout: () => void;
  onExpired: () => void;
}

/** The logged-in app: one API client (HTTP + WebSocket) for the session's token. */
export function Dashboard({ session, onLogout, onExpired }: Props) {
  const [reconnects, setReconnects] = useState(0);
  const [connects, setConnects] = useState(0);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const [api] = useState(() =>
    createApiClient({
      token: session.token,
      onUnauthenticated: () => expired.current(),
      onReconnected: () => setReconnects((count) => count + 1),
      onConnected: () => setConnects((count) => count + 1),
    }),
  );
  useEffect(() => api.dispose, [api]);

  return (
    <Provider value={api.client}>
      <LiveDashboard session={session} reconnects={reconnects} connects={connects} onLogout={onLogout} />
    </Provider>
  );
}

function LiveDashboard({
  session,
  reconnects,
  connects,
  onLogout,
}: {
  session: Session;
  reconnects: number;
  /** Grows on every WebSocket connect, the first included. */
  connects: number;
  onLogout: () => void;
}) {
  const route = useRoute();
  const [search, setSearch] = useState('');
  const [muted, setMuted] = useState(loadMuted);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const chime = useMemo(createChime, []);

  const toggleMuted = useCallback(() => {
    setMuted((current) => {
      saveMuted(!current);
      return !current;
    });
  }, []);

  const onNewUserMessage = useCallback(
    (event: NewUserMessageEvent) => {
      if (!muted) chime.play();
      notifyNewMessage({
        chatId: event.chatId,
        email: event.userEmail,
        content: event.message.content,
        onClick: () => {
          window.location.hash = chatHref(event.chatId);
        },
      });
    },
    [muted, chime],
  );

  const store = useLiveChats({ reconnects, onNewUserMessage });
  const team = useTeamState(session.viewer, connects);

  return (
    <ChatStoreContext.Provider value={store}>
      <TeamContext.Provider value={team}>
        <div class="app">
          <TopBar
            viewer={session.viewer}
            muted={muted}
            onToggleMuted={toggleMuted}
            onShowShortcuts={() => setShowShortcuts(true)}
            onLogout={onLogout}
          />
          {route.name === 'replies' ? (
            <main class="app__main app__main--page">
              <SavedRepliesPage />
            </main>
          ) : (
            <Inbox
              list={route.list}
              chatId={route.chatId}
              viewerId={session.viewer.id}
              search={search}
              onSearch={setSearch}
              onShortcuts={() => setShowShortcuts(true)}
            />
          )}
          {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
        </div>
      </TeamContext.Provider>
    </ChatStoreContext.Provider>
  );
}

interface InboxProps {
  list: ListRoute;
  chatId: string | null;
  viewerId: string;
  search: string;
  onSearch: (search: string) => void;
  onShortcuts: () => void;
}

/**
 * List | conversation | contact side by side; on a narrow screen one of them at a time
 * (styles.css), the open chat's pane when one is open.
 */
function Inbox({ list, chatId, viewerId, search, onSearch, onShortcuts }: InboxProps) {
  const { chats: index, reconnects } = useChatStore();
  const actions = useChatActions();
  const query = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const pages = useChatPages(list, query);
  const chats = selectChats(index, { ...list, search: query, viewerId });
  const [selectedId, setSelectedId] = useState<string | null>(chatId);
  const [contactShown, setContactShown] = useState(false);
  const openChat = chatId === null ? undefined : index[chatId];
  const typing = useTypingState(reconnects);

  useEffect(() => {
    setSelectedId(chatId);
    setContactShown(false);
  }, [chatId]);

  useShortcuts((action: ShortcutAction, target) => {
    const current = selectedId ?? chatId;
    const chat = current === null ? undefined : index[current];
    switch (action) {
      case 'next':
      case 'previous': {
        const next = moveSelection(
          chats.map((item) => item.id),
          current,
          action === 'next' ? 1 : -1,
        );
        setSelectedId(next);
        if (next) document.querySelector<HTMLElement>(`[data-chat-id="${CSS.escape(next)}"]`)?.focus();
        return next !== null;
      }
      case 'open':
        if (target instanceof HTMLAnchorElement || target instanceof HTMLButtonElement || !selectedId) return false;
        window.location.hash = chatHref(selectedId, list);
        return true;
      case 'archive':
        if (chat) void actions.setArchived(chat.id, !chat.archived);
        return Boolean(chat);
      case 'assignToMe':
        if (chat) void actions.assign(chat.id, viewerId);
        return Boolean(chat);
      case 'help':
        onShortcuts();
        return true;
    }
  });

  const pane = chatId === null ? 'list' : contactShown ? 'contact' : 'chat';
  return (
    <TypingContext.Provider value={typing}>
      <main class={`app__main inbox inbox--${pane}`} data-pane={pane} data-testid="inbox">
        <ChatList
          list={list}
          chats={chats}
          pages={pages}
          openId={chatId}
          selectedId={selectedId}
          search={search}
          onSearch={onSearch}
        />
        {chatId === null ? (
          <p class="inbox__placeholder">Select a chat to read it here. Press ? for keyboard shortcuts.</p>
        ) : (
          <>
            <ChatView key={chatId} chatId={chatId} list={list} onShowContact={() => setContactShown(true)} />
            {openChat && <ContactPanel chat={openChat} onClose={() => setContactShown(false)} />}
          </>
        )}
      </main>
    </TypingContext.Provider>
  );
}
