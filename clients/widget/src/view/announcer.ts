/**
 * A visually hidden polite live region: screen readers read what is put in
 * it when they are idle. Used for incoming messages only, so the user's own
 * sends and status changes in the list stay quiet.
 */
import { h } from './dom';

/** Older announcements are dropped; a burst of messages reads the latest ones. */
const KEEP = 3;

export interface Announcer {
  readonly element: HTMLElement;
  announce(texts: readonly string[]): void;
}

export function createAnnouncer(): Announcer {
  const element = h('div', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'announcer' });
  return {
    element,
    announce(texts) {
      // New nodes rather than new text, so the same words twice are read twice.
      element.replaceChildren(...texts.slice(-KEEP).map((text) => h('p', {}, text)));
    },
  };
}
