/**
 * The widget's DOM: one host element (#support-chat-widget) holding an open
 * shadow root, so no CSS leaks in or out. Rendering is driven by `render`.
 */
import type { Config } from '../config';
import { createDateFormatter } from '../i18n/dates';
import { createTranslator } from '../i18n/translate';
import { brandPalette, paletteProperties } from '../palette';
import type { ChatEntry } from '../../../shared/src/chat';
import { createAnnouncer } from './announcer';
import { h } from './dom';
import { createLauncher } from './launcher';
import { createPanel, type PanelHandlers, type PanelModel } from './panel';
import attachmentCss from './attachments.css?inline';
import css from './styles.css?inline';

const HOST_ID = 'support-chat-widget';
const PANEL_ID = 'support-chat-panel';

export type ViewOptions = Pick<
  Config,
  'title' | 'greeting' | 'primaryColor' | 'position' | 'theme' | 'locale' | 'direction' | 'strings'
>;

export interface ViewModel extends PanelModel {
  unread: number;
  open: boolean;
}

export interface ViewHandlers extends PanelHandlers {
  toggle(): void;
}

export interface View {
  readonly host: HTMLElement;
  render(model: ViewModel): void;
  /** Reads out support messages that just arrived (not the history, not the user's own). */
  announceIncoming(entries: readonly ChatEntry[]): void;
  /** Runs `change` (which adds older messages) keeping the reader's place in the list. */
  keepingPlace(change: () => void): void;
  /** Removes the host element from the page. */
  remove(): void;
}

export function createView(options: ViewOptions, handlers: ViewHandlers): View {
  const t = createTranslator(options.locale, options.strings);
  const dates = createDateFormatter(options.locale);
  const host = h('div', { id: HOST_ID });
  const shadow = host.attachShadow({ mode: 'open' });
  const launcher = createLauncher(PANEL_ID, t, handlers.toggle);
  const panel = createPanel(PANEL_ID, options, t, dates, handlers);
  const announcer = createAnnouncer();
  const root = h(
    'div',
    {
      class: `root ${options.position}`,
      lang: options.locale,
      dir: options.direction,
      'data-theme': options.theme,
    },
    // The launcher first: it discloses the panel, which follows it in the Tab order.
    launcher.element,
    panel.element,
    announcer.element,
  );
  for (const [name, value] of Object.entries(paletteProperties(brandPalette(options.primaryColor)))) {
    root.style.setProperty(name, value);
  }
  shadow.append(h('style', {}, css + attachmentCss), root);

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && root.classList.contains('open')) handlers.close();
  });

  let wasOpen = false;
  return {
    host,
    render(model) {
      root.classList.toggle('open', model.open);
      launcher.render(model.open, model.unread);
      panel.render(model);
      if (model.open && !wasOpen) panel.opened();
      // Give focus back to the launcher only if it was inside the widget.
      if (!model.open && wasOpen && shadow.activeElement) launcher.element.focus();
      wasOpen = model.open;
    },
    announceIncoming(entries) {
      announcer.announce(entries.map((entry) => t.text('newMessage', { message: entry.content })));
    },
    keepingPlace: panel.keepingPlace,
    remove() {
      host.remove();
    },
  };
}
