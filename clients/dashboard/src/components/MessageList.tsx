import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatMessage } from '../lib/messages';
import { groupByDay } from '../lib/time';
import { MessageBubble } from './MessageBubble';

/** How close to an edge (px) counts as "at" it. */
const EDGE = 120;

interface Props {
  messages: ChatMessage[];
  userEmail: string;
  hasMore: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
}

function isNearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < EDGE;
}

/**
 * Messages by day. Sticks to the bottom while the reader is there (or just sent), keeps
 * the visible messages in place when an older page is prepended, and asks for that older
 * page when scrolled near the top.
 */
export function MessageList({ messages, userEmail, hasMore, loadingOlder, onLoadOlder, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const snapshot = useRef({ firstId: '', lastId: '', scrollHeight: 0, nearBottom: true });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = snapshot.current;
    const first = messages[0];
    const last = messages[messages.length - 1];
    const firstId = first?.id ?? '';
    const lastId = last?.id ?? '';
    if (previous.firstId && firstId !== previous.firstId && lastId === previous.lastId) {
      element.scrollTop += element.scrollHeight - previous.scrollHeight;
    } else if (lastId !== previous.lastId && (previous.nearBottom || last?.status === 'pending')) {
      element.scrollTop = element.scrollHeight;
    }
    snapshot.current = {
      firstId,
      lastId,
      scrollHeight: element.scrollHeight,
      nearBottom: isNearBottom(element),
    };
  }, [messages]);

  // A short history that doesn't fill the pane can't be scrolled up: load more right away.
  useEffect(() => {
    const element = scroller.current;
    if (element && hasMore && !loadingOlder && element.scrollHeight <= element.clientHeight) {
      onLoadOlder();
    }
  }, [messages, hasMore, loadingOlder, onLoadOlder]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    snapshot.current.nearBottom = isNearBottom(element);
    if (element.scrollTop < EDGE && hasMore && !loadingOlder) onLoadOlder();
  };

  const now = new Date();
  return (
    <div class="messages" ref={scroller} onScroll={onScroll} data-testid="message-list">
      {hasMore && (
        <div class="messages__older">
          {loadingOlder ? <span class="spinner" aria-label="Loading older messages" /> : null}
        </div>
      )}
      {messages.length === 0 && <p class="messages__empty">No messages yet.</p>}
      {groupByDay(messages, now).map((group) => (
        <div class="messages__day" key={group.key}>
          <div class="day-divider" data-testid="day-divider">
            <span>{group.label}</span>
          </div>
          {group.items.map((message) => (
            <MessageBubble key={message.clientId ?? message.id} message={message} userEmail={userEmail} onRetry={onRetry} />
          ))}
        </div>
      ))}
    </div>
  );
}
