import { Provider } from '@urql/preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from '../graphql/client';
import type { NewUserMessageEvent } from '../graphql/types';
import { ChatStoreContext } from '../hooks/useChatStore';
import { useLiveChats } from '../hooks/useLiveChats';
import { useRoute } from '../hooks/useRoute';
import { notifyNewMessage } from '../lib/notifications';
import { chatHref } from '../lib/route';
import type { Session } from '../lib/session';
import { createChime, loadMuted, saveMuted } from '../lib/sound';
import { ChatList } from './ChatList';
import { ChatView } from './ChatView';
import { TopBar } from './TopBar';

interface Props {
  session: Session;
  onLogout: () => void;
  onExpired: () => void;
}

/** The logged-in app: one API client (HTTP + WebSocket) for the session's token. */
export function Dashboard({ session, onLogout, onExpired }: Props) {
  const [reconnects, setReconnects] = useState(0);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const [api] = useState(() =>
    createApiClient({
      token: session.token,
      onUnauthenticated: () => expired.current(),
      onReconnected: () => setReconnects((count) => count + 1),
    }),
  );
  useEffect(() => api.dispose, [api]);

  return (
    <Provider value={api.client}>
      <LiveDashboard session={session} reconnects={reconnects} onLogout={onLogout} />
    </Provider>
  );
}

function LiveDashboard({
  session,
  reconnects,
  onLogout,
}: {
  session: Session;
  reconnects: number;
  onLogout: () => void;
}) {
  const route = useRoute();
  const [search, setSearch] = useState('');
  const [muted, setMuted] = useState(loadMuted);
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

  return (
    <ChatStoreContext.Provider value={store}>
      <div class="app">
        <TopBar viewer={session.viewer} muted={muted} onToggleMuted={toggleMuted} onLogout={onLogout} />
        <main class="app__main">
          {route.name === 'chat' ? (
            <ChatView key={route.chatId} chatId={route.chatId} />
          ) : (
            <ChatList archived={route.archived} search={search} onSearch={setSearch} />
          )}
        </main>
      </div>
    </ChatStoreContext.Provider>
  );
}
