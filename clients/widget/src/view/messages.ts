/**
 * The message list, rendered by key so that updates touch only the rows that
 * changed and keep the scroll position; sticks to the bottom when the reader
 * is there (or just sent something). The first message of each day carries
 * the day's heading.
 */
import type { DateFormatter } from '../i18n/dates';
import type { Translator } from '../i18n/translate';
import type { ChatEntry } from '../../../shared/src/chat';
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

export function createMessageList(
  t: Translator,
  dates: DateFormatter,
  onRetry: (key: string) => void,
): MessageList {
  const element = h('ol', {
    class: 'list',
    'data-testid': 'message-list',
    'aria-label': t.text('messages'),
    tabindex: '0',
  });
  const seen = h('div', { class: 'seen', 'data-testid': 'seen' }, t.text('seen'));
  const rows = new Map<string, Row>();
  let lastKey: string | undefined;

  function fillRow(item: HTMLLIElement, entry: ChatEntry, dayHeading: string): void {
    const mine = entry.senderType === 'USER';
    item.className = mine ? 'message mine' : 'message theirs';
    item.dataset.sender = entry.senderType;
    item.dataset.status = entry.status;
    if (entry.id) item.dataset.id = entry.id;
    else delete item.dataset.id;

    const meta = h('div', { class: 'meta' }, h('time', { datetime: entry.createdAt }, dates.time(entry.createdAt)));
    if (entry.status === 'pending') meta.append(` · ${t.text('sending')}`);
    if (entry.status === 'failed') {
      meta.append(
        ' · ',
        h('span', { class: 'error' }, t.text('notSent')),
        ' ',
        h('button', { type: 'button', class: 'retry', 'data-testid': 'retry' }, t.text('retry')),
      );
    }
    // dir=auto: a message may be in another script than the widget's language.
    const bubble = h('div', { class: 'bubble', dir: 'auto' }, entry.content);
    const files = renderAttachments(entry.attachments);
    if (files) bubble.append(files);
    item.replaceChildren(
      ...(dayHeading ? [h('div', { class: 'day', 'data-testid': 'day' }, dayHeading)] : []),
      h('span', { class: 'sr-only' }, t.text(mine ? 'fromYou' : 'fromSupport')),
      // Which agent answered (the user knows who they are).
      ...(!mine && entry.senderName
        ? [h('div', { class: 'sender', 'data-testid': 'sender', dir: 'auto' }, entry.senderName)]
        : []),
      bubble,
      meta,
    );
  }

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
      const now = new Date();
      let previousDay: number | undefined;
      entries.forEach((entry, index) => {
        let row = rows.get(entry.key);
        if (!row) {
          row = { item: h('li', { 'data-testid': 'message', 'data-key': entry.key }), signature: '' };
          rows.set(entry.key, row);
        }
        const day = dates.dayKey(entry.createdAt);
        const dayHeading = day === previousDay ? '' : dates.day(entry.createdAt, now);
        previousDay = day;
        const files = entry.attachments?.map((attachment) => attachment.url).join() ?? '';
        const signature = `${entry.id}|${entry.status}|${entry.createdAt}|${dayHeading}|${entry.senderName}|${entry.content}|${files}`;
        if (row.signature !== signature) {
          fillRow(row.item, entry, dayHeading);
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
