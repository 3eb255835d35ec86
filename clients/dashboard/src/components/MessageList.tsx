import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatEntry } from '../../../shared/src/chat';
import { groupByDay } from '../lib/time';
import { MessageBubble } from './MessageBubble';

/** How close to an edge (px) counts as "at" it. */
const EDGE = 120;

interface Props {
  messages: readonly ChatEntry[];
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
  const snapshot = useRef({ firstKey: '', lastKey: '', scrollHeight: 0, nearBottom: true });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = snapshot.current;
    const first = messages[0];
    const last = messages[messages.length - 1];
    const firstKey = first?.key ?? '';
    const lastKey = last?.key ?? '';
    if (previous.firstKey && firstKey !== previous.firstKey && lastKey === previous.lastKey) {
      element.scrollTop += element.scrollHeight - previous.scrollHeight;
    } else if (lastKey !== previous.lastKey && (previous.nearBottom || last?.status === 'pending')) {
      element.scrollTop = element.scrollHeight;
    }
    snapshot.current = {
      firstKey,
      lastKey,
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
            <MessageBubble key={message.key} message={message} userEmail={userEmail} onRetry={onRetry} />
          ))}
        </div>
      ))}
    </div>
  );
}
