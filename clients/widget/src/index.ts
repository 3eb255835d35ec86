/**
 * The public API, exposed as `window.SupportChat` by the IIFE build.
 *
 * Calls made before the script loaded are replayed from a stub's queue:
 * `window.SupportChat = { q: [["init", options], ["open"]] }` (see README).
 */
import { resolveConfig, type WidgetOptions } from './config';
import { createWidget, type Widget } from './widget';

/** The widget's own <script src>, captured while the script runs. */
const scriptSrc = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : null;

let widget: Widget | null = null;
let unread = 0;
const listeners = new Set<(count: number) => void>();

function notify(count: number): void {
  unread = count;
  listeners.forEach((listener) => listener(count));
}

function attach(host: HTMLElement): void {
  if (document.body) {
    document.body.append(host);
    return;
  }
  // init() ran from a <script> in <head>: wait for <body>.
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      if (widget?.host === host) document.body.append(host);
    },
    { once: true },
  );
}

/** Starts the widget (again: a second call replaces the first, e.g. for another user). */
export function init(options: WidgetOptions): void {
  const { config, warnings } = resolveConfig(options, {
    scriptSrc,
    pageUrl: location.href,
    pageLanguage: document.documentElement.lang || null,
    browserLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
  if (warnings.length > 0) console.warn(`SupportChat.init: ${warnings.join('; ')}; using the defaults there.`);
  widget?.destroy();
  widget = createWidget(config, notify);
  attach(widget.host);
}

export function open(): void {
  widget?.open();
}

export function close(): void {
  widget?.close();
}

/** Removes the widget, closes its connections and forgets unread listeners. */
export function shutdown(): void {
  widget?.destroy();
  widget = null;
  if (unread !== 0) notify(0);
  listeners.clear();
}

/** Calls `listener` with the unread count now and on every change; returns an unsubscribe function. */
export function onUnreadChange(listener: (count: number) => void): () => void {
  listeners.add(listener);
  listener(unread);
  return () => {
    listeners.delete(listener);
  };
}

/** A call queued by the embed snippet before this script ran. */
type QueuedCall =
  | ['init', WidgetOptions]
  | ['open' | 'close' | 'shutdown']
  | ['onUnreadChange', (count: number) => void];

function run(call: QueuedCall): void {
  switch (call[0]) {
    case 'init':
      return init(call[1]);
    case 'open':
      return open();
    case 'close':
      return close();
    case 'shutdown':
      return shutdown();
    case 'onUnreadChange':
      onUnreadChange(call[1]);
  }
}

function replayQueuedCalls(): void {
  const stub: unknown = Reflect.get(window, 'SupportChat');
  const queue: unknown = typeof stub === 'object' && stub !== null ? Reflect.get(stub, 'q') : undefined;
  if (!Array.isArray(queue)) return;
  for (const call of queue as QueuedCall[]) {
    try {
      run(call);
    } catch (error) {
      console.error(error);
    }
  }
}

replayQueuedCalls();
