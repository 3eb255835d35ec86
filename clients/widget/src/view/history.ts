/**
 * Older messages: reaching the top of the list asks for the previous page, and
 * a "Load older messages" button does the same for keyboards and screen
 * readers. While a page is added above, the row the reader sees stays put.
 */
import { anchorAt, scrollTopKeeping, type RowBox } from '../history';
import type { Translator } from '../i18n/translate';
import { h } from './dom';

/** How close to the top (px) scrolling starts loading. */
const NEAR_TOP_PX = 40;

export interface HistoryView {
  /** Goes above the list. */
  readonly element: HTMLElement;
  render(hasMore: boolean, loading: boolean): void;
  /** Runs `change` (which adds rows above) and scrolls so the reader's row stays where it was. */
  keepingPlace(change: () => void): void;
}

function rowBoxes(list: HTMLElement): RowBox[] {
  return Array.from(list.children as HTMLCollectionOf<HTMLElement>, (row) => {
    const { top, bottom } = row.getBoundingClientRect();
    return { key: row.dataset.key ?? '', top, bottom };
  });
}

export function createHistoryView(t: Translator, list: HTMLElement, onLoadOlder: () => void): HistoryView {
  const button = h('button', { type: 'button', class: 'older', 'data-testid': 'load-older' }, t.text('loadOlder'));
  const element = h('div', { class: 'history', hidden: '' }, button);
  button.addEventListener('click', onLoadOlder);
  list.addEventListener('scroll', () => {
    if (list.scrollTop < NEAR_TOP_PX && !element.hidden) onLoadOlder();
  });

  return {
    element,
    render(hasMore, loading) {
      // The last page is in: keyboard focus moves from the vanishing button to the list.
      if (!hasMore && button.matches(':focus')) list.focus();
      element.hidden = !hasMore;
      button.setAttribute('aria-busy', String(loading));
    },
    keepingPlace(change) {
      const anchor = anchorAt(rowBoxes(list), list.getBoundingClientRect().top);
      change();
      const row = anchor && rowBoxes(list).find((box) => box.key === anchor.key);
      if (anchor && row) list.scrollTop = scrollTopKeeping(anchor, list.scrollTop, row.bottom);
    },
  };
}
