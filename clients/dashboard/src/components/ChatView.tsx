import { useClient } from '@urql/preact';
import { useState } from 'preact/hooks';
import { ARCHIVE_CHAT, UNARCHIVE_CHAT } from '../graphql/operations';
import { useChatMessages } from '../hooks/useChatMessages';
import { useChatStore } from '../hooks/useChatStore';
import { useUploads } from '../hooks/useUploads';
import { listHref } from '../lib/route';
import { Composer } from './Composer';
import { MessageList } from './MessageList';

interface Props {
  chatId: string;
}

export function ChatView({ chatId }: Props) {
  const client = useClient();
  const { chats, receive } = useChatStore();
  const view = useChatMessages(chatId);
  const chat = chats[chatId] ?? view.chat;
  const [busy, setBusy] = useState(false);
  const uploads = useUploads(chatId);

  const setArchived = async (archived: boolean) => {
    setBusy(true);
    const { data } = archived
      ? await client.mutation(ARCHIVE_CHAT, { chatId }).toPromise()
      : await client.mutation(UNARCHIVE_CHAT, { chatId }).toPromise();
    const updated = data && ('archiveChat' in data ? data.archiveChat : data.unarchiveChat);
    if (updated) receive([updated]);
    setBusy(false);
  };

  const archived = chat?.archived ?? false;

  return (
    <section
      class="chat-view"
      data-testid="chat-view"
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
        <a class="chat-view__back" href={listHref(archived)} data-testid="back-link">
          ← Chats
        </a>
        <div class="chat-view__who">
          <h1 class="chat-view__email" data-testid="chat-header-email">
            {chat?.user.email ?? '…'}
          </h1>
          {chat?.user.name && <span class="chat-view__name">{chat.user.name}</span>}
        </div>
        {chat &&
          (archived ? (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void setArchived(false)}
              data-testid="restore-button"
            >
              Restore
            </button>
          ) : (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => void setArchived(true)}
              data-testid="archive-button"
            >
              Archive
            </button>
          ))}
      </header>
      {archived && <p class="chat-view__banner">This chat is archived. A new message from the user reopens it.</p>}
      {view.phase === 'loading' && <div class="chat-view__status"><span class="spinner" aria-label="Loading" /></div>}
      {view.phase === 'notFound' && <p class="chat-view__status">This chat does not exist.</p>}
      {view.phase === 'failed' && <p class="chat-view__status">Could not load this chat. Please reload.</p>}
      {view.phase === 'ready' && chat && (
        <>
          <MessageList
            messages={view.messages}
            userEmail={chat.user.email}
            hasMore={view.hasMore}
            loadingOlder={view.loadingOlder}
            onLoadOlder={view.loadOlder}
            onRetry={view.retry}
          />
          <Composer onSend={view.send} uploads={uploads} />
        </>
      )}
    </section>
  );
}
