// Shapes of the API objects the dashboard reads (see shared/contract/schema.graphql).

export type SenderType = 'USER' | 'ADMIN';
export type Role = 'USER' | 'ADMIN' | 'INTEGRATION';

/** ISO-8601 UTC timestamp, as the API's DateTime scalar. */
export type DateTime = string;

export interface Viewer {
  id: string;
  role: Role;
  email: string | null;
  name: string | null;
}

export interface SupportUser {
  id: string;
  email: string;
  name: string | null;
}

/** The chat summary shown in the list and the chat view header. */
export interface Chat {
  id: string;
  user: SupportUser;
  archived: boolean;
  archivedAt: DateTime | null;
  lastMessageAt: DateTime | null;
  lastMessagePreview: string | null;
  lastMessageSender: SenderType | null;
  messageCount: number;
  unread: boolean;
  createdAt: DateTime;
}

export interface Message {
  id: string;
  chatId: string;
  content: string;
  senderType: SenderType;
  readAt: DateTime | null;
  createdAt: DateTime;
  clientId: string | null;
}

export interface MessagePage {
  nodes: Message[];
  hasMore: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ChatConnection {
  edges: { cursor: string; node: Chat }[];
  pageInfo: PageInfo;
}

export interface NewUserMessageEvent {
  chatId: string;
  userEmail: string;
  message: Message;
}
