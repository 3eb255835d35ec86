import type { Chat } from '../graphql/types';
import { chatHref } from '../lib/route';
import { countLabel, relativeTime } from '../lib/time';

interface Props {
  chat: Chat;
  now: Date;
}

export function ChatCard({ chat, now }: Props) {
  const preview = chat.lastMessagePreview ?? 'No messages yet';
  const when = chat.lastMessageAt ?? chat.createdAt;
  return (
    <a
      class={`chat-card${chat.unread ? ' chat-card--unread' : ''}`}
      href={chatHref(chat.id)}
      data-testid="chat-card"
      data-chat-id={chat.id}
      data-unread={String(chat.unread)}
      data-email={chat.user.email}
    >
      <span class="chat-card__dot" aria-label={chat.unread ? 'Unread' : undefined} />
      <span class="chat-card__body">
        <span class="chat-card__email">{chat.user.email}</span>
        <span class="chat-card__preview">
          {chat.lastMessageSender === 'ADMIN' && <span class="chat-card__you">You: </span>}
          {preview}
        </span>
        <span class="chat-card__meta">
          {countLabel(chat.messageCount, 'message')} ·{' '}
          <time dateTime={when} title={new Date(when).toLocaleString()}>
            {relativeTime(when, now)}
          </time>
        </span>
      </span>
    </a>
  );
}
