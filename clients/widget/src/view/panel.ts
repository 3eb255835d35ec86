/** The chat panel, a non-modal dialog: header with title and connection dot, message list, composer. */
import type { Attachment } from '../../../shared/src/attachments';
import type { DateFormatter } from '../i18n/dates';
import type { Translator } from '../i18n/translate';
import type { ChatEntry } from '../../../shared/src/chat';
import type { Uploader } from '../upload';
import { createComposer } from './composer';
import { CLOSE_ICON, h, icon } from './dom';
import { createMessageList } from './messages';

export interface PanelModel {
  entries: readonly ChatEntry[];
  seenKey: string | null;
  connected: boolean;
}

export interface PanelHandlers {
  close(): void;
  send(text: string, attachments: readonly Attachment[]): void;
  upload: Uploader;
  /** Resend the failed message with this clientId. */
  retry(clientId: string): void;
}

export interface PanelText {
  title: string;
  /** Empty: no greeting. */
  greeting: string;
}

export interface Panel {
  readonly element: HTMLElement;
  render(model: PanelModel): void;
  /** Called when the panel opens: show the newest message, focus the input. */
  opened(): void;
}

export function createPanel(
  id: string,
  text: PanelText,
  t: Translator,
  dates: DateFormatter,
  handlers: PanelHandlers,
): Panel {
  const titleId = `${id}-title`;
  const dot = h('span', { class: 'dot', 'data-testid': 'status-dot', role: 'img' });
  const close = h(
    'button',
    { type: 'button', class: 'close', 'data-testid': 'close', 'aria-label': t.text('closeChat') },
    icon(CLOSE_ICON),
  );
  close.addEventListener('click', handlers.close);
  const header = h('header', { class: 'header' }, dot, h('h2', { id: titleId, class: 'title' }, text.title), close);
  const greeting = h('p', { class: 'greeting', 'data-testid': 'greeting', dir: 'auto' }, text.greeting);
  const list = createMessageList(t, dates, handlers.retry);
  const composer = createComposer(t, handlers.send, handlers.upload);
  const element = h(
    'section',
    { id, class: 'panel', 'data-testid': 'panel', role: 'dialog', 'aria-labelledby': titleId },
    header,
    greeting,
    list.element,
    composer.element,
  );

  element.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  element.addEventListener('drop', (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    composer.attach(files);
  });

  return {
    element,
    render(model) {
      dot.dataset.state = model.connected ? 'connected' : 'disconnected';
      dot.setAttribute('aria-label', t.text(model.connected ? 'connected' : 'disconnected'));
      greeting.hidden = !text.greeting || model.entries.length > 0;
      list.render(model.entries, model.seenKey);
    },
    opened() {
      list.scrollToEnd();
      composer.focus();
    },
  };
}
