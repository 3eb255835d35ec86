/** The floating round button with its unread badge. */
import { badgeLabel } from '../format';
import { CHAT_ICON, CLOSE_ICON, h, icon } from './dom';

export interface Launcher {
  readonly element: HTMLButtonElement;
  render(open: boolean, unread: number): void;
}

export function createLauncher(panelId: string, onClick: () => void): Launcher {
  const chatIcon = icon(CHAT_ICON);
  const closeIcon = icon(CLOSE_ICON);
  const badge = h('span', { class: 'badge', 'data-testid': 'badge', hidden: '' });
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
      element.setAttribute('aria-label', open ? 'Close support chat' : 'Open support chat');
      element.setAttribute('aria-expanded', String(open));
      chatIcon.hidden = open;
      closeIcon.hidden = !open;
      badge.textContent = badgeLabel(unread);
      badge.hidden = unread <= 0;
    },
  };
}
