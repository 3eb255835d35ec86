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

  return {
    element,
    render(open, unread) {
      // The badge is for the closed panel; its text is part of the name, as
      // speech control users may say what they see ("click 9+").
      const label = open ? '' : badgeLabel(unread, t.number);
      element.setAttribute(
        'aria-label',
        open ? t.text('closeChat') : label ? t.plural('openChatUnread', unread, label) : t.text('openChat'),
      );
      element.setAttribute('aria-expanded', String(open));
      chatIcon.hidden = open;
      closeIcon.hidden = !open;
      badge.textContent = label;
      badge.hidden = !label;
    },
  };
}
