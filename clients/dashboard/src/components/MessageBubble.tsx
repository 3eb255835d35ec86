import type { ChatEntry } from '../../../shared/src/chat';
import { clockTime } from '../lib/time';
import { MessageAttachments } from './MessageAttachments';

interface Props {
  message: ChatEntry;
  /** Who wrote it: the user's email, or the staff member who answered. */
  label: string;
  onRetry: (clientId: string) => void;
}

/** One message: the user's on the left, staff's (the viewer's side) on the right. */
export function MessageBubble({ message, label, onRetry }: Props) {
  const mine = message.senderType === 'ADMIN';
  const { clientId } = message;
  return (
    <article
      class={`message ${mine ? 'message--staff' : 'message--user'} message--${message.status}`}
      data-testid="message"
      data-sender={message.senderType}
      data-id={message.id ?? undefined}
      data-status={message.status}
    >
      <div class="message__label" data-testid="message-sender">
        {label}
      </div>
      {message.content && <div class="message__bubble">{message.content}</div>}
      <MessageAttachments attachments={message.attachments} />
      <div class="message__meta">
        <time dateTime={message.createdAt}>{clockTime(message.createdAt)}</time>
        {message.status === 'pending' && <span class="message__state"> · Sending…</span>}
        {mine && message.readAt && (
          <span class="message__seen" data-testid="seen">
            {' '}
            · Seen
          </span>
        )}
        {message.status === 'failed' && clientId && (
          <button type="button" class="message__retry" onClick={() => onRetry(clientId)} data-testid="retry">
            Not sent · Retry
          </button>
        )}
      </div>
    </article>
  );
}
