/**
 * GraphQL over HTTP: queries and mutations as the end user, with one retry
 * after a token refresh when the server answers UNAUTHENTICATED.
 */
import type { TokenSource } from './auth';
import { MESSAGE_FIELDS, type Message } from './types';

const REQUEST_TIMEOUT_MS = 15_000;

const CHAT_QUERY = `query { chat { id unreadCount messages(last: 50) { nodes { ${MESSAGE_FIELDS} } hasMore } } }`;
const SEND_MUTATION = `mutation($content: String!, $clientId: String, $attachmentIds: [ID!]) { sendMessage(content: $content, clientId: $clientId, attachmentIds: $attachmentIds) { ${MESSAGE_FIELDS} } }`;
const MARK_READ_MUTATION = 'mutation { markRead { id unreadCount } }';

/** A failed request; `code` is the GraphQL `extensions.code`, or NETWORK / HTTP_<status>. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

export interface Api {
  /** The user's chat (created on first access) with its newest 50 messages. */
  fetchMessages(): Promise<Message[]>;
  sendMessage(content: string, clientId: string, attachmentIds?: readonly string[]): Promise<Message>;
  /** Marks every support message in the user's chat read. */
  markRead(): Promise<void>;
}

export function createApi(url: string, auth: TokenSource): Api {
  async function post(token: string, query: string, variables: Record<string, unknown>) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiError('NETWORK', String(error));
    }
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse;
    const first = body.errors?.[0];
    if (first) throw new ApiError(first.extensions?.code ?? 'ERROR', first.message ?? 'GraphQL error');
    if (!response.ok || body.data == null) {
      const code = response.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${response.status}`;
      throw new ApiError(code, response.statusText);
    }
    return body.data;
  }

  async function request(query: string, variables: Record<string, unknown> = {}) {
    const token = await auth.current();
    try {
      return await post(token, query, variables);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
      const fresh = await auth.refresh(token);
      if (fresh === null) throw error;
      return post(fresh, query, variables);
    }
  }

  return {
    async fetchMessages() {
      const data = (await request(CHAT_QUERY)) as { chat: { messages: { nodes: Message[] } } | null };
      return data.chat?.messages.nodes ?? [];
    },
    async sendMessage(content, clientId, attachmentIds = []) {
      const variables = { content, clientId, attachmentIds: attachmentIds.length ? attachmentIds : null };
      const data = (await request(SEND_MUTATION, variables)) as { sendMessage: Message };
      return data.sendMessage;
    },
    async markRead() {
      await request(MARK_READ_MUTATION);
    },
  };
}
