/**
 * GraphQL over HTTP: queries and mutations as the end user, with one retry
 * after a token refresh when the server answers UNAUTHENTICATED.
 */
import type { TokenSource } from './auth';
import type { ChatStatus } from './rating';
import { MESSAGE_FIELDS, type Message } from './types';

const REQUEST_TIMEOUT_MS = 15_000;

const CHAT_FIELDS = `id unreadCount archived archivedAt rating`;
const CHAT_QUERY = `query { chat { ${CHAT_FIELDS} messages(last: 50) { nodes { ${MESSAGE_FIELDS} } hasMore } } }`;
const OLDER_QUERY = `query($before: ID!) { chat { messages(last: 50, before: $before) { nodes { ${MESSAGE_FIELDS} } hasMore } } }`;
const AVAILABILITY_QUERY = 'query { availability { online message } }';
const SET_TYPING_MUTATION = 'mutation($typing: Boolean!) { setTyping(typing: $typing) }';
const RATE_MUTATION = `mutation($rating: Int!, $comment: String) { rateChat(rating: $rating, comment: $comment) { ${CHAT_FIELDS} } }`;
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

/** A page of messages, oldest first; `hasMore`: older ones exist. */
export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** The user's chat: its newest page and whether it is archived and rated. */
export interface ChatSnapshot extends MessagePage {
  status: ChatStatus;
}

export interface Availability {
  online: boolean;
  /** The configured away text, when nobody is online. */
  message: string | null;
}

const NEW_CHAT: ChatStatus = { archived: false, archivedAt: null, rating: null };

interface ChatData extends ChatStatus {
  messages: { nodes: Message[]; hasMore: boolean };
}

export interface Api {
  /** The user's chat (created on first access) with its newest 50 messages. */
  fetchChat(): Promise<ChatSnapshot>;
  /** The 50 messages before this one. */
  fetchOlder(before: string): Promise<MessagePage>;
  fetchAvailability(): Promise<Availability>;
  setTyping(typing: boolean): Promise<void>;
  rateChat(rating: number, comment: string | null): Promise<ChatStatus>;
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
    async fetchChat() {
      const { chat } = (await request(CHAT_QUERY)) as { chat: ChatData | null };
      if (chat === null) return { messages: [], hasMore: false, status: NEW_CHAT };
      const { archived, archivedAt, rating, messages } = chat;
      return { messages: messages.nodes, hasMore: messages.hasMore, status: { archived, archivedAt, rating } };
    },
    async fetchOlder(before) {
      const { chat } = (await request(OLDER_QUERY, { before })) as { chat: Pick<ChatData, 'messages'> | null };
      return { messages: chat?.messages.nodes ?? [], hasMore: chat?.messages.hasMore ?? false };
    },
    async fetchAvailability() {
      const data = (await request(AVAILABILITY_QUERY)) as { availability: Availability };
      return data.availability;
    },
    async setTyping(typing) {
      await request(SET_TYPING_MUTATION, { typing });
    },
    async rateChat(rating, comment) {
      const data = (await request(RATE_MUTATION, { rating, comment })) as { rateChat: ChatStatus };
      return data.rateChat;
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
