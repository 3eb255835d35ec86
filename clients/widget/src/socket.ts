/**
 * The live connection: GraphQL over WebSocket (graphql-transport-ws) through
 * graphql-ws. Reconnects forever with backoff; on every (re)connection it
 * subscribes anew to `messageAdded(afterSeq: <newest confirmed seq>)`, so the
 * server replays what was missed, to `messagesRead` and to `typing`.
 */
import { createClient, type Client, type Sink, type FormattedExecutionResult } from 'graphql-ws/client';
import type { TokenSource } from './auth';
import { retryDelay } from './backoff';
import { MESSAGE_FIELDS, type Message } from './types';
import type { TypingEvent } from './typing';

const MESSAGE_ADDED = `subscription($afterSeq: Int) { messageAdded(afterSeq: $afterSeq) { ${MESSAGE_FIELDS} } }`;
const MESSAGES_READ = `subscription { messagesRead { ${MESSAGE_FIELDS} } }`;
const TYPING = 'subscription { typing { name typing } }';
/**
 * graphql-transport-ws "Forbidden": the server rejected the token (expired or revoked).
 * Every other server close, e.g. 4008 (fell too far behind its live events), is simply
 * retried: the next connection resumes after the newest confirmed seq.
 */
const CLOSE_FORBIDDEN = 4403;

export interface LiveHandlers {
  /** True from graphql-ws `connected` until `closed`. */
  onStatus(connected: boolean): void;
  onMessage(message: Message): void;
  onRead(messages: Message[]): void;
  /** Support started or stopped typing. */
  onTyping(event: TypingEvent): void;
  /** Where to resume: the seq of the newest confirmed message, or null. */
  resumeAfter(): number | null;
}

function sink<T>(onData: (data: T) => void): Sink<FormattedExecutionResult<T>> {
  return {
    next: (result) => {
      if (result.data) onData(result.data);
    },
    error: () => {},
    complete: () => {},
  };
}

function dispose(client: Client): void {
  Promise.resolve(client.dispose()).catch(() => {});
}

function isForbiddenClose(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'code' in event && event.code === CLOSE_FORBIDDEN;
}

/** Opens the live connection; returns a function that closes it for good. */
export function connectLive(url: string, auth: TokenSource, handlers: LiveHandlers): () => void {
  let stopped = false;
  let client: Client | null = null;
  let subscriptions: (() => void)[] = [];
  let restarts = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  /** A wait that simply never ends once the connection is stopped. */
  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  function unsubscribe(): void {
    subscriptions.forEach((dispose) => dispose());
    subscriptions = [];
  }

  function subscribe(live: Client): void {
    unsubscribe();
    subscriptions = [
      live.subscribe(
        { query: MESSAGE_ADDED, variables: { afterSeq: handlers.resumeAfter() } },
        sink<{ messageAdded: Message }>((data) => handlers.onMessage(data.messageAdded)),
      ),
      live.subscribe(
        { query: MESSAGES_READ },
        sink<{ messagesRead: Message[] }>((data) => handlers.onRead(data.messagesRead)),
      ),
      live.subscribe({ query: TYPING }, sink<{ typing: TypingEvent }>((data) => handlers.onTyping(data.typing))),
    ];
  }

  function start(): void {
    let sentToken: string | null = null;
    let rejectedToken: string | null = null;
    const live = createClient({
      url,
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => wait(retryDelay(retries, Math.random())),
      connectionParams: async () => {
        if (rejectedToken !== null) {
          await auth.refresh(rejectedToken);
          rejectedToken = null;
        }
        sentToken = await auth.current();
        return { token: sentToken };
      },
      on: {
        connected: () => {
          restarts = 0;
          subscribe(live);
          handlers.onStatus(true);
        },
        closed: (event) => {
          // Drop this connection's subscriptions: the next one subscribes
          // again with a fresh `afterSeq` instead of graphql-ws replaying these.
          unsubscribe();
          if (isForbiddenClose(event)) rejectedToken = sentToken;
          if (!stopped) handlers.onStatus(false);
        },
      },
      // Close codes graphql-ws treats as fatal end its own retrying: start over.
      onNonLazyError: () => {
        if (stopped) return;
        dispose(live);
        void wait(retryDelay(restarts++, Math.random())).then(start);
      },
    });
    client = live;
  }

  start();
  return () => {
    stopped = true;
    timers.forEach(clearTimeout);
    timers.clear();
    unsubscribe();
    if (client) dispose(client);
  };
}
