import { useClient } from '@urql/preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { SET_TYPING } from '../graphql/operations';
import { useChatActions } from '../hooks/useChatActions';
import { useChatMessages } from '../hooks/useChatMessages';
import { useChatNotes } from '../hooks/useChatNotes';
import { useChatStore } from '../hooks/useChatStore';
import { useTeam } from '../hooks/useTeam';
import { useUploads } from '../hooks/useUploads';
import { typingLabel, useTypingUsers } from '../hooks/useTyping';
import { listHref, type ListRoute } from '../lib/route';
import { interleaveNotes } from '../lib/timeline';
import { AssignPicker } from './AssignPicker';
import { Composer } from './Composer';
import { MessageList } from './MessageList';

interface Props {
  chatId: string;
  list: ListRoute;
  /** Narrow screens: show the contact panel instead of the conversation. */
  onShowContact: () => void;
}

export function ChatView({ chatId, list, onShowContact }: Props) {
  const client = useClient();
  const { viewer } = useTeam();
  const { chats } = useChatStore();
  const view = useChatMessages(chatId);
  const uploads = useUploads(chatId);
  const notes = useChatNotes(chatId);
  const actions = useChatActions();
  const typingUsers = useTypingUsers();
  const chat = chats[chatId] ?? view.chat;
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    await action();
    setBusy(false);
  };

  const sendTyping = useCallback(
    (typing: boolean) => void client.mutation(SET_TYPING, { chatId, typing }).toPromise(),
    [client, chatId],
  );

  const items = useMemo(() => interleaveNotes(view.messages, notes.notes), [view.messages, notes.notes]);
  const archived = chat?.archived ?? false;
  const typing = chatId in typingUsers ? typingLabel(typingUsers[chatId] ?? null) : null;

  return (
    <section
      class="chat-view"
      data-testid="chat-view"
      aria-labelledby="chat-view-title"
      onDragOver={(event) => {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length === 0 || view.phase !== 'ready') return;
        event.preventDefault();
        uploads.add(files);
      }}
    >
      <header class="chat-view__header">
        <a class="chat-view__back" href={listHref({ ...list, archived })} data-testid="back-link">
          ← <span class="visually-hidden">Back to </span>Chats
        </a>
        <div class="chat-view__who">
          <h2 id="chat-view-title" class="chat-view__email" data-testid="chat-header-email">
            {chat?.user.email ?? '…'}
          </h2>
          {chat?.user.name && <span class="chat-view__name">{chat.user.name}</span>}
        </div>
        {chat && (
          <div class="chat-view__actions">
            <AssignPicker
              assignee={chat.assignee}
              disabled={busy}
              onAssign={(staffId) => void run(() => actions.assign(chatId, staffId))}
            />
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void run(() => actions.setArchived(chatId, !archived))}
              data-testid={archived ? 'restore-button' : 'archive-button'}
            >
              {archived ? 'Restore' : 'Archive'}
            </button>
            <button type="button" class="button contact-toggle" onClick={onShowContact} data-testid="contact-toggle">
              Contact
            </button>
          </div>
        )}
      </header>
      {archived && <p class="chat-view__banner">This chat is archived. A new message from the user reopens it.</p>}
      {view.phase === 'loading' && (
        <div class="chat-view__status">
          <span class="spinner" role="status" aria-label="Loading" />
        </div>
      )}
      {view.phase === 'notFound' && <p class="chat-view__status">This chat does not exist.</p>}
      {view.phase === 'failed' && <p class="chat-view__status">Could not load this chat. Please reload.</p>}
      {view.phase === 'ready' && chat && (
        <>
          <MessageList
            items={items}
            userEmail={chat.user.email}
            senderNames={view.senderNames}
            ownName={viewer.name ?? viewer.email ?? 'You'}
            hasMore={view.hasMore}
            loadingOlder={view.loadingOlder}
            onLoadOlder={view.loadOlder}
            onRetry={view.retry}
          />
          <p class="chat-view__typing" aria-live="polite" data-testid="typing">
            {typing}
          </p>
          <Composer onSend={view.send} uploads={uploads} onNote={notes.add} onTyping={sendTyping} />
        </>
      )}
    </section>
  );
}
