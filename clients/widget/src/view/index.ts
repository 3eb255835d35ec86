/**
 * The widget's DOM: one host element (#support-chat-widget) holding an open
 * shadow root, so no CSS leaks in or out. Rendering is driven by `render`.
 */
import type { ChatEntry } from '../../../shared/src/chat';
import type { Position } from '../config';
import { h } from './dom';
import { createLauncher } from './launcher';
import { createPanel, type PanelHandlers } from './panel';
import attachmentCss from './attachments.css?inline';
import css from './styles.css?inline';

const HOST_ID = 'support-chat-widget';
const PANEL_ID = 'support-chat-panel';

export interface ViewOptions {
  title: string;
  primaryColor: string | undefined;
  position: Position;
}

export interface ViewModel {
  entries: readonly ChatEntry[];
  seenKey: string | null;
  unread: number;
  connected: boolean;
  open: boolean;
}

export interface ViewHandlers extends PanelHandlers {
  toggle(): void;
}

export interface View {
  readonly host: HTMLElement;
  render(model: ViewModel): void;
  /** Removes the host element from the page. */
  remove(): void;
}

export function createView(options: ViewOptions, handlers: ViewHandlers): View {
  const host = h('div', { id: HOST_ID });
  if (options.primaryColor && CSS.supports('color', options.primaryColor)) {
    host.style.setProperty('--sc-primary', options.primaryColor);
  }
  const shadow = host.attachShadow({ mode: 'open' });
  const launcher = createLauncher(PANEL_ID, handlers.toggle);
  const panel = createPanel(PANEL_ID, options.title, handlers);
  const root = h('div', { class: `root ${options.position}` }, panel.element, launcher.element);
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
    remove() {
      host.remove();
    },
  };
}
