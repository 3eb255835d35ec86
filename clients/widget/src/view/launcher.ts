/** The floating round button with its unread badge. */
import { badgeLabel } from '../format';
import type { Translator } from '../i18n/translate';
import { CHAT_ICON, CLOSE_ICON, h, icon } from './dom';

export interface Launcher {
  readonly element: HTMLButtonElement;
  render(open: boolean, unread: number): void;
}

export function createLauncher(panelId: string, t: Translator, onClick: () => void): Launcher {
  const chatIcon = icon(CHAT_ICON);
  const closeIcon = icon(CLOSE_ICON);
  const badge = h('span', { class: 'badge', 'data-testid': 'badge', 'aria-hidden': 'true', hidden: '' });
  const element = h(
    'button',
    { type: 'button', class: 'launcher', 'data-testid': 'launcher', 'aria-controls': panelId },
    chatIcon,
    closeIcon,
    badge,
  );
  element.addEventListener('click', onClick);
  const numbers = new Intl.NumberFormat(t.locale);

  function name(open: boolean, unread: number): string {
    if (open) return t.text('closeChat');
    return unread > 0 ? t.plural('openChatUnread', unread) : t.text('openChat');
  }

  return {
    element,
    render(open, unread) {
      element.setAttribute('aria-label', name(open, unread));
      element.setAttribute('aria-expanded', String(open));
      chatIcon.hidden = open;
      closeIcon.hidden = !open;
      badge.textContent = badgeLabel(unread, (n) => numbers.format(n));
      badge.hidden = unread <= 0;
    },
  };
}
