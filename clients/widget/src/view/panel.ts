/**
 * The chat panel, a non-modal dialog: header with title, availability and
 * connection dot; away text; older messages, message list, typing; rating;
 * composer.
 */
import type { Availability } from '../api';
import type { Attachment } from '../../../shared/src/attachments';
import type { DateFormatter } from '../i18n/dates';
import type { Translator } from '../i18n/translate';
import type { RatingPhase } from '../rating';
import type { ChatEntry } from '../../../shared/src/chat';
import type { Uploader } from '../upload';
import { createAvailabilityView } from './availability';
import { createComposer } from './composer';
import { CLOSE_ICON, h, icon } from './dom';
import { createHistoryView } from './history';
import { createMessageList } from './messages';
import { createRatingView } from './rating';
import { createTypingIndicator } from './typing';

export interface PanelModel {
  entries: readonly ChatEntry[];
  seenKey: string | null;
  connected: boolean;
  /** Null until known. */
  availability: Availability | null;
  /** Support staff typing now (null: unnamed). */
  typing: readonly (string | null)[];
  rating: RatingPhase;
  hasOlder: boolean;
  loadingOlder: boolean;
}

export interface PanelHandlers {
  close(): void;
  send(text: string, attachments: readonly Attachment[]): void;
  upload: Uploader;
  /** Resend the failed message with this clientId. */
  retry(clientId: string): void;
  /** A keystroke in the composer. */
  typed(): void;
  rate(rating: number, comment: string | null): void;
  loadOlder(): void;
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
  /** Runs `change` (which adds older messages) keeping the reader's place in the list. */
  keepingPlace(change: () => void): void;
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
  const availability = createAvailabilityView(t);
  const header = h(
    'header',
    { class: 'header' },
    dot,
    h('div', { class: 'heading' }, h('h2', { id: titleId, class: 'title' }, text.title), availability.status),
    close,
  );
  const greeting = h('p', { class: 'greeting', 'data-testid': 'greeting', dir: 'auto' }, text.greeting);
  const list = createMessageList(t, dates, handlers.retry);
  const history = createHistoryView(t, list.element, handlers.loadOlder);
  const typing = createTypingIndicator(t, text.title);
  const rating = createRatingView(t, handlers.rate);
  const composer = createComposer(t, handlers.send, handlers.upload);
  composer.element.addEventListener('input', handlers.typed);
  const element = h(
    'section',
    { id, class: 'panel', 'data-testid': 'panel', role: 'dialog', 'aria-labelledby': titleId },
    header,
    availability.notice,
    greeting,
    history.element,
    list.element,
    typing.element,
    rating.element,
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
      availability.render(model.availability);
      history.render(model.hasOlder, model.loadingOlder);
      typing.render(model.typing);
      rating.render(model.rating);
    },
    opened() {
      list.scrollToEnd();
      composer.focus();
    },
    keepingPlace: history.keepingPlace,
  };
}
