// The urql client of a logged-in staff member: HTTP for queries and mutations,
// graphql-ws (graphql-transport-ws protocol) for subscriptions.
import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { errorCode } from './errors';
import { LOGOUT } from './operations';

const GRAPHQL_PATH = '/graphql';

/**
 * graphql-ws close code the API uses for a missing, invalid, expired or revoked token.
 * Any other close, e.g. 4008 (this tab fell too far behind its live events), is retried;
 * on reconnecting the dashboard refetches what it shows (`onReconnected`).
 */
const CLOSE_FORBIDDEN = 4403;

export interface ApiClientOptions {
  token: string;
  /** The token was rejected (HTTP UNAUTHENTICATED or WebSocket close 4403). */
  onUnauthenticated: () => void;
  /** The WebSocket connected again after losing its connection. */
  onReconnected: () => void;
  /** The WebSocket connected (first time or again): the server now counts this staff member online. */
  onConnected: () => void;
}

export interface ApiClient {
  client: Client;
  dispose: () => void;
}

function graphqlWebSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

function isForbiddenClose(event: unknown): boolean {
  return event instanceof CloseEvent && event.code === CLOSE_FORBIDDEN;
}

/** Exponential back-off capped at 30 s, with jitter so many tabs don't reconnect in step. */
async function retryWait(retries: number): Promise<void> {
  const delay = Math.min(1000 * 2 ** retries, 30_000) + Math.random() * 1000;
  await new Promise((resolve) => setTimeout(resolve, delay));
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { token, onUnauthenticated, onReconnected, onConnected } = options;
  const ws = createWsClient({
    url: graphqlWebSocketUrl(window.location),
    connectionParams: { token },
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait,
    shouldRetry: (event) => !isForbiddenClose(event),
    keepAlive: 20_000,
    // Open from the start and kept open: the open dashboard is what makes its user online.
    lazy: false,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) onReconnected();
        onConnected();
      },
      closed: (event) => {
        if (isForbiddenClose(event)) onUnauthenticated();
      },
    },
  });

  const client = new Client({
    url: GRAPHQL_PATH,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError: (error) => {
          if (errorCode(error) === 'UNAUTHENTICATED') onUnauthenticated();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });

  return { client, dispose: () => void ws.dispose() };
}

/** A client without credentials, for the login mutation. */
export function createLoginClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [fetchExchange],
  });
}

/** Ends the session on the server (its token and open sockets stop at once); never throws. */
export async function revokeToken(token: string): Promise<void> {
  const client = new Client({
    url: GRAPHQL_PATH,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: { headers: { Authorization: `Bearer ${token}` } },
    exchanges: [fetchExchange],
  });
  await client.mutation(LOGOUT, {}).toPromise();
}
