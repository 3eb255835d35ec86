import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { SenderNames } from '../hooks/useChatMessages';
import type { TimelineItem } from '../lib/timeline';
import { groupByDay } from '../lib/time';
import { MessageBubble } from './MessageBubble';
import { NoteBubble } from './NoteBubble';

/** How close to an edge (px) counts as "at" it. */
const EDGE = 120;

interface Props {
  /** Messages and notes in display order. */
  items: readonly TimelineItem[];
  userEmail: string;
  senderNames: SenderNames;
  /** The name shown on staff messages still being sent (the viewer's). */
  ownName: string;
  hasMore: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
}

function messageLabel(
  item: Extract<TimelineItem, { kind: 'message' }>,
  userEmail: string,
  senderNames: SenderNames,
  ownName: string,
): string {
  const { message } = item;
  if (message.senderType === 'USER') return userEmail;
  if (message.id === null) return ownName;
  return senderNames[message.id] ?? 'Staff';
}

function isNearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < EDGE;
}

/**
 * Messages by day. Sticks to the bottom while the reader is there (or just sent), keeps
 * the visible messages in place when an older page is prepended, and asks for that older
 * page when scrolled near the top.
 */
export function MessageList({ items, userEmail, senderNames, ownName, hasMore, loadingOlder, onLoadOlder, onRetry }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const snapshot = useRef({ firstKey: '', lastKey: '', scrollHeight: 0, nearBottom: true });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = snapshot.current;
    const first = items[0];
    const last = items[items.length - 1];
    const firstKey = first?.key ?? '';
    const lastKey = last?.key ?? '';
    if (previous.firstKey && firstKey !== previous.firstKey && lastKey === previous.lastKey) {
      element.scrollTop += element.scrollHeight - previous.scrollHeight;
    } else if (
      lastKey !== previous.lastKey &&
      (previous.nearBottom || (last?.kind === 'message' && last.message.status === 'pending'))
    ) {
      element.scrollTop = element.scrollHeight;
    }
    snapshot.current = {
      firstKey,
      lastKey,
      scrollHeight: element.scrollHeight,
      nearBottom: isNearBottom(element),
    };
  }, [items]);

  // A short history that doesn't fill the pane can't be scrolled up: load more right away.
  useEffect(() => {
    const element = scroller.current;
    if (element && hasMore && !loadingOlder && element.scrollHeight <= element.clientHeight) {
      onLoadOlder();
    }
  }, [items, hasMore, loadingOlder, onLoadOlder]);

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
          {loadingOlder ? <span class="spinner" role="status" aria-label="Loading older messages" /> : null}
        </div>
      )}
      {items.length === 0 && <p class="messages__empty">No messages yet.</p>}
      {groupByDay(items, now).map((group) => (
        <div class="messages__day" key={group.key}>
          <div class="day-divider" data-testid="day-divider">
            <span>{group.label}</span>
          </div>
          {group.items.map((item) =>
            item.kind === 'note' ? (
              <NoteBubble key={item.key} note={item.note} />
            ) : (
              <MessageBubble
                key={item.key}
                message={item.message}
                label={messageLabel(item, userEmail, senderNames, ownName)}
                onRetry={onRetry}
              />
            ),
          )}
        </div>
      ))}
    </div>
  );
}
