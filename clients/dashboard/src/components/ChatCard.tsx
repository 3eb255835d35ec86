import type { Chat } from '../graphql/types';
import { staffLabel } from '../hooks/useTeam';
import { typingLabel } from '../hooks/useTyping';
import { chatHref, type ListRoute } from '../lib/route';
import { countLabel, dateTime, relativeTime } from '../lib/time';

interface Props {
  chat: Chat;
  list: ListRoute;
  now: Date;
  open: boolean;
  selected: boolean;
  /** Set while the user is typing: their name, or null without one. */
  typing: string | null | undefined;
}

export function ChatCard({ chat, list, now, open, selected, typing }: Props) {
  const preview = chat.lastMessagePreview ?? 'No messages yet';
  const when = chat.lastMessageAt ?? chat.createdAt;
  const classes = ['chat-card', chat.unread && 'chat-card--unread', open && 'chat-card--open', selected && 'chat-card--selected'];
  return (
    <a
      class={classes.filter(Boolean).join(' ')}
      href={chatHref(chat.id, list)}
      aria-current={open ? 'page' : undefined}
      data-testid="chat-card"
      data-chat-id={chat.id}
      data-unread={String(chat.unread)}
      data-selected={String(selected)}
      data-email={chat.user.email}
    >
      <span class="chat-card__dot" />
      <span class="chat-card__body">
        <span class="chat-card__top">
          <span class="chat-card__email">{chat.user.email}</span>
          {chat.unread && <span class="visually-hidden">, unread</span>}
          <span class="chat-card__assignee" data-testid="card-assignee">
            {chat.assignee ? staffLabel(chat.assignee) : 'Unassigned'}
          </span>
        </span>
        {typing !== undefined ? (
          <span class="chat-card__preview chat-card__typing" data-testid="card-typing">
            {typingLabel(typing)}
          </span>
        ) : (
          <span class="chat-card__preview">
            {chat.lastMessageSender === 'ADMIN' && <span class="chat-card__you">Staff: </span>}
            {preview}
          </span>
        )}
        <span class="chat-card__meta">
          {countLabel(chat.messageCount, 'message')} ·{' '}
          <time dateTime={when} title={dateTime(when)}>
            {relativeTime(when, now)}
          </time>
        </span>
      </span>
    </a>
  );
}
