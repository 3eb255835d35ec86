/** The options the host page passes to `SupportChat.init`, and their defaults. */

export type Position = 'bottom-right' | 'bottom-left';

export interface WidgetOptions {
  /** End-user JWT signed by the host app's backend. */
  token?: string;
  /** Returns a fresh token; called when there is none yet or the server rejects it. */
  getToken?: () => Promise<string>;
  /** GraphQL endpoint; defaults to `<origin of widget.js>/graphql`. */
  endpoint?: string;
  title?: string;
  primaryColor?: string;
  position?: Position;
}

export interface Config {
  token: string | undefined;
  getToken: (() => Promise<string>) | undefined;
  httpUrl: string;
  wsUrl: string;
  title: string;
  primaryColor: string | undefined;
  position: Position;
}

/**
 * Validates the options and fills in the defaults. `scriptSrc` is the src of
 * the widget's own <script> (captured when it ran), `pageUrl` the page's URL.
 */
export function resolveConfig(
  options: WidgetOptions,
  scriptSrc: string | null,
  pageUrl: string,
): Config {
  const token = typeof options.token === 'string' && options.token ? options.token : undefined;
  const getToken = typeof options.getToken === 'function' ? options.getToken : undefined;
  if (!token && !getToken) throw new Error('SupportChat.init: pass `token` or `getToken`');

  const http = options.endpoint
    ? new URL(options.endpoint, pageUrl)
    : new URL('/graphql', scriptSrc || pageUrl);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';

  return {
    token,
    getToken,
    httpUrl: http.href,
    wsUrl: ws.href,
    title: options.title || 'Support',
    primaryColor: options.primaryColor || undefined,
    position: options.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
  };
}
