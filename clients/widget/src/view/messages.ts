/**
 * The message list, rendered by key so that updates touch only the rows that
 * changed and keep the scroll position; sticks to the bottom when the reader
 * is there (or just sent something).
 */
import type { ChatEntry } from '../../../shared/src/chat';
import { formatTime } from '../format';
import { renderAttachments } from './attachments';
import { h } from './dom';

const NEAR_BOTTOM_PX = 64;

export interface MessageList {
  readonly element: HTMLOListElement;
  render(entries: readonly ChatEntry[], seenKey: string | null): void;
  scrollToEnd(): void;
}

interface Row {
  readonly item: HTMLLIElement;
  signature: string;
}

function fillRow(item: HTMLLIElement, entry: ChatEntry): void {
  item.className = entry.senderType === 'USER' ? 'message mine' : 'message theirs';
  item.dataset.sender = entry.senderType;
  item.dataset.status = entry.status;
  if (entry.id) item.dataset.id = entry.id;
  else delete item.dataset.id;

  const meta = h('div', { class: 'meta' }, h('time', { datetime: entry.createdAt }, formatTime(entry.createdAt)));
  if (entry.status === 'pending') meta.append(' · Sending…');
  if (entry.status === 'failed') {
    meta.append(
      h('span', { class: 'error' }, ' · Not sent '),
      h('button', { type: 'button', class: 'retry', 'data-testid': 'retry' }, 'Retry'),
    );
  }
  const files = renderAttachments(entry.attachments);
  const bubble = h('div', { class: 'bubble' }, entry.content);
  if (files) bubble.append(files);
  item.replaceChildren(bubble, meta);
}

export function createMessageList(onRetry: (key: string) => void): MessageList {
  const element = h('ol', {
    class: 'list',
    'data-testid': 'message-list',
    'aria-live': 'polite',
    'aria-label': 'Messages',
    tabindex: '0',
  });
  const seen = h('div', { class: 'seen', 'data-testid': 'seen' }, 'Seen');
  const rows = new Map<string, Row>();
  let lastKey: string | undefined;

  element.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest('.retry')) return;
    const key = target.closest('li')?.dataset.key;
    if (key) onRetry(key);
  });

  function scrollToEnd(): void {
    element.scrollTop = element.scrollHeight;
  }

  return {
    element,
    scrollToEnd,
    render(entries, seenKey) {
      const atBottom =
        element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      const keys = new Set(entries.map((e) => e.key));
      for (const [key, row] of rows) {
        if (keys.has(key)) continue;
        row.item.remove();
        rows.delete(key);
      }
      entries.forEach((entry, index) => {
        let row = rows.get(entry.key);
        if (!row) {
          row = { item: h('li', { 'data-testid': 'message', 'data-key': entry.key }), signature: '' };
          rows.set(entry.key, row);
        }
        const files = entry.attachments?.map((attachment) => attachment.url).join() ?? '';
        const signature = `${entry.id}|${entry.status}|${entry.createdAt}|${entry.content}|${files}`;
        if (row.signature !== signature) {
          fillRow(row.item, entry);
          row.signature = signature;
        }
        const current = element.children[index];
        if (current !== row.item) element.insertBefore(row.item, current ?? null);
      });

      const seenRow = seenKey === null ? undefined : rows.get(seenKey);
      if (seenRow) seenRow.item.append(seen);
      else seen.remove();

      const last = entries[entries.length - 1];
      const newLast = last?.key !== lastKey;
      lastKey = last?.key;
      if (atBottom || (newLast && last?.senderType === 'USER')) scrollToEnd();
    },
  };
}
